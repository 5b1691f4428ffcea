// Every public FHIR example in `<repo>/../shared/fhir-examples/` (one test per file, from the
// folder's listing) loads through the MemoryAdapter and through the FhirRestAdapter (a real FHIR
// test server on 127.0.0.1, seeded with the file) and renders in <zk-patient-banner>,
// <zk-medication-list> and <zk-consent-dialog>, in Dutch and in English: no error state, and no
// "undefined", "null", "NaN", "Invalid Date" or "[object Object]" in what they show.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { Adapter } from '../../src/core/adapter.js';
import { setLocale } from '../../src/i18n/locale.js';
import { exampleFile, exampleFiles, examplePatient, expectClean, renderAll, seedExamplesServer } from './examples.js';

const files = await exampleFiles();

describe('public FHIR examples (shared/fhir-examples) render cleanly', () => {
  afterEach(async () => {
    await setLocale(undefined);
  });

  it('finds the example folder and its files', () => {
    expect(files.length).to.be.greaterThan(80);
    expect(files).to.include('ig-us-core/medicationrequest-contained-oral-axid.json');
  });

  for (const path of files) {
    it(path, async function () {
      this.timeout(120000);
      const file = await exampleFile(path);
      const { patientId, seed } = examplePatient(file);
      const fhirUrl = await seedExamplesServer(seed);
      const adapters: [string, () => Adapter][] = [
        ['memory', () => new MemoryAdapter(seed)],
        ['fhir-rest', () => new FhirRestAdapter({ baseUrl: fhirUrl })],
      ];
      for (const [adapterName, make] of adapters) {
        for (const locale of ['nl', 'en'] as const) {
          await setLocale(locale);
          const rendered = await renderAll(make(), patientId);
          expectClean(rendered, `${adapterName} ${locale}`);
          if (patientId === undefined) {
            expect(rendered.banner.shadowRoot!.querySelector('[part~="no-patient"]'), `${adapterName} ${locale}: no patient`).to.not.equal(null);
          }
          rendered.dialog.close();
        }
      }
    });
  }
});
