// Rules found on the public examples (shared/fhir-examples), each asserted on a named file.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { UtilityClient } from '../../src/core/client.js';
import type { Bundle, MedicationRequest, Resource } from '../../src/core/fhir.js';
import { formatPatientName } from '../../src/model/name.js';
import { patientBannerView } from '../../src/model/patient-contact.js';
import { medicationRows, type MedicationRow } from '../../src/model/medication.js';
import type { ZkLocale } from '../../src/model/locale.js';
import { setLocale } from '../../src/i18n/locale.js';
import { exampleFile, examplePatient, renderAll } from './examples.js';

const TODAY = { year: 2026, month: 12, day: 4 };

async function rowsOf(path: string, locale: ZkLocale, change?: (r: Resource) => Resource): Promise<MedicationRow[]> {
  const file = await exampleFile(path);
  const { patientId, seed } = examplePatient(change ? change(file) : file);
  const records = await new UtilityClient(new MemoryAdapter(seed)).getMedications(patientId!);
  // Dates in a status keep together (no-break spaces): compared here with plain spaces.
  return medicationRows(records, { locale, today: TODAY }).map((row) => ({ ...row, statusText: row.statusText.replace(/\u00a0/g, ' ') }));
}

describe('medication list rules on the public examples', () => {
  it('ig-us-core/medicationrequest-contained-oral-axid.json: a medicationReference #id to a contained Medication shows its name', async () => {
    // Without the reference's display, only the contained Medication can name it.
    const rows = await rowsOf('ig-us-core/medicationrequest-contained-oral-axid.json', 'en', (r) => {
      const copy = structuredClone(r) as MedicationRequest;
      delete copy.medicationReference!.display;
      return copy;
    });
    expect(rows.map((r) => r.name)).to.deep.equal(['Nizatidine 15 MG/ML Oral Solution [Axid]']);
  });

  it('ig-us-core/medicationrequest-contained-oral-axid.json: a requester contained as a PractitionerRole pointing at a contained Practitioner shows the practitioner', async () => {
    const rows = await rowsOf('ig-us-core/medicationrequest-contained-oral-axid.json', 'en', (r) => {
      const copy = structuredClone(r) as MedicationRequest;
      copy.contained = [
        ...(copy.contained ?? []),
        { resourceType: 'Practitioner', id: 'prac', name: [{ family: 'Bone', given: ['Ronald'], suffix: ['MD'] }] },
        { resourceType: 'PractitionerRole', id: 'role', practitioner: { reference: '#prac' }, organization: { display: 'Example Clinic' } },
      ];
      copy.requester = { reference: '#role' };
      return copy;
    });
    expect(rows[0].prescriber).to.equal('Ronald Bone MD, Example Clinic');
  });

  it('ig-ips/MedicationRequest-eumfh-39-07-1-request.json: dispenseRequest.validityPeriod is not a period of use', async () => {
    const [row] = await rowsOf('ig-ips/MedicationRequest-eumfh-39-07-1-request.json', 'en');
    expect(row.start).to.equal(undefined);
    expect(row.periodText).to.equal('');
    expect(row.statusText).to.equal('Active');
  });

  it('the same request with a validity period that ended: "Active — validity period ended 15-Jan-2016", still current', async () => {
    for (const [locale, text] of [['en', 'Active — validity period ended 15-Jan-2016'], ['nl', 'Actief — geldigheidsduur verstreken op 15 jan 2016']] as const) {
      const [row] = await rowsOf('ig-ips/MedicationRequest-eumfh-39-07-1-request.json', locale, (r) => ({
        ...r, dispenseRequest: { validityPeriod: { start: '2015-01-15', end: '2016-01-15' } },
      }));
      expect(row.statusText).to.equal(text);
      expect(row.status).to.equal('active');
      expect(row.statusGroup).to.equal('current');
    }
  });

  it('nictiz-mp9/mp-MedAgr-mp9-MBH920mgexample-1-MA1.json: the recorded status stays, the ended period of use is beside it', async () => {
    const [row] = await rowsOf('nictiz-mp9/mp-MedAgr-mp9-MBH920mgexample-1-MA1.json', 'en');
    expect(row.statusText).to.equal('Status not known — period of use ended 10-Dec-2022');
    expect(row.statusGroup).to.equal('history');
  });

  it('an active record whose period of use ended says so beside "Active" (was "Period ended" instead of it)', async () => {
    const [row] = await rowsOf('nictiz-mp9/mp-MedAgr-mp9-MBH920mgexample-1-MA1.json', 'nl', (r) => ({ ...r, status: 'active' }));
    expect(row.statusText).to.equal('Actief — gebruiksperiode verstreken op 10 dec 2022');
  });

  it('nictiz-zib2020/nl-core-MedicationAgreement-02.json: an MP9 agreement (status unknown) whose period of use runs is current', async () => {
    const [row] = await rowsOf('nictiz-zib2020/nl-core-MedicationAgreement-02.json', 'nl');
    expect(row.statusGroup).to.equal('current');
    expect(row.statusText).to.equal('Status onbekend — binnen de gebruiksperiode');
  });

  it('nictiz-zib2020/nl-core-MedicationUse2-01.json, nictiz-mp9/mg-mp-mg-example-MA-script4-v30.json: a duration inside the period (ext-TimeInterval.Duration on the Period) ends it', async () => {
    const [use] = await rowsOf('nictiz-zib2020/nl-core-MedicationUse2-01.json', 'en');
    expect([use.start, use.end, use.statusGroup]).to.deep.equal(['2014-05-01', '2014-05-31', 'history']);
    expect(use.statusText).to.equal('Active — period of use ended 31-May-2014');
    const [agreement] = await rowsOf('nictiz-mp9/mg-mp-mg-example-MA-script4-v30.json', 'en');
    expect(agreement.end, 'ten days from 23 October 2024').to.match(/^2024-11-0[12]/);
    expect(agreement.statusGroup).to.equal('history');
  });

  it('nictiz-mp9/mg-mp-mg-example-MA-script4-v30.json: "Bij pijn" is shown as recorded after a label, never "as needed for pijn"', async () => {
    for (const [locale, label] of [['en', 'as needed: Bij pijn'], ['nl', 'zo nodig: Bij pijn']] as const) {
      const rows = await rowsOf('nictiz-mp9/mg-mp-mg-example-MA-script4-v30.json', locale);
      const lines = rows.flatMap((r) => r.dosage.flatMap((d) => d.lines)).join('\n');
      expect(lines).to.contain(label);
      expect(lines).to.not.match(/for pijn|bij bij|zo nodig bij pijn/i);
    }
  });
});

describe('patient banner rules on the public examples', () => {
  const name = async (path: string, locale: ZkLocale = 'nl') => {
    const file = await exampleFile(path);
    return formatPatientName(file, locale === 'nl' ? 'dutch' : 'nhs', locale)?.text;
  };

  it('a BSN is its nine digits (nictiz-cio/patient-XXX-Dubbeld.json); a failed elfproef keeps its warning (ig-ips/bundle-minimal.json)', async () => {
    const dubbeld = patientBannerView(await exampleFile('nictiz-cio/patient-XXX-Dubbeld.json'), 'nl', {}, new Date());
    expect(dubbeld.identifier).to.include({ value: '999900535', valid: true });
    const bundle = (await exampleFile('ig-ips/bundle-minimal.json')) as Bundle;
    const martha = bundle.entry!.map((e) => e.resource!).find((r) => r.resourceType === 'Patient')!;
    const view = patientBannerView(martha, 'en', {}, new Date());
    expect(view.identifier).to.include({ value: '574687583', valid: false });
  });

  it('the BSN in the banner, nl and en: nine digits and the warning in words', async () => {
    const bundle = (await exampleFile('ig-ips/bundle-minimal.json')) as Bundle;
    const { patientId, seed } = examplePatient(bundle);
    for (const [locale, warning] of [['nl', 'Geen geldig BSN'], ['en', 'Not a valid BSN']] as const) {
      await setLocale(locale);
      const rendered = await renderAll(new MemoryAdapter(seed), patientId);
      expect(rendered.text.banner).to.contain('574687583');
      expect(rendered.text.banner).to.contain(warning);
      rendered.dialog.close();
    }
    await setLocale(undefined);
  });

  it('Dutch style: recorded given names are not reduced to initials alone (zib NameInformation cases)', async () => {
    // One given name, call name recorded as a usual name that differs: "Abdelhak (Abdel)".
    expect(await name('nictiz-cio/patient-XXX-Hali.json')).to.equal('Abdelhak (Abdel) XXX_Hali');
    // One given name, call name the same: not repeated.
    expect(await name('nictiz-cio/patient-XXX-Dubbeld.json')).to.equal('Erwin XXX_Dubbeld');
    expect(await name('nictiz-cio/patient-van-XXX-Zwaan.json')).to.equal('Willem van XXX_Zwaan');
    // Two given names and a call name: initials with the call name.
    expect(await name('nictiz-zib2024/nl-core-Patient-alt-1.json')).to.equal('P.J. (PeJe) Jansen');
    // Only initials recorded: the initials.
    expect(await name('nictiz-mp9/nl-core-Patient-mp9-XXX-Kester.json')).to.equal('B. van XXX_Kester');
    // Two given names and a usual name with another given name (IHE PCF): initials with the call name.
    expect(await name('ig-ihe-pcf/Patient-ex-mother.json')).to.equal('K.I. (Katie) Schmidt');
    // Two given names, no call name: the given names.
    expect(formatPatientName({ name: [{ family: 'Chalmers', given: ['Peter', 'James'] }] }, 'dutch', 'nl')?.text).to.equal('Peter James Chalmers');
  });
});
