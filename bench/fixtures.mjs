// Deterministic, fictional benchmark data: one Patient and N MedicationRequests for it.
// The same seed gives the same resources in Node and in the browser (no Math.random, no clock).
// Nothing here is a real person or a real prescription.

export const BENCH_PATIENT_ID = 'bench-patient-1';

/**
 * The character the filter benchmark types into the list's search box. It occurs only in medicine
 * names (about 19% of rows), never in dosage, status or date text, so every subject shows the same rows.
 */
export const FILTER_CHAR = 'z';

/** Mulberry32: a small, fast, deterministic PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Generic medicine names and strengths (common formulary words; the combinations are made up).
const MEDICINES = [
  ['metoprolol', '50 mg', 'tablet met gereguleerde afgifte'],
  ['paracetamol', '500 mg', 'tablet'],
  ['omeprazol', '20 mg', 'maagsapresistente capsule'],
  ['amlodipine', '5 mg', 'tablet'],
  ['simvastatine', '40 mg', 'tablet'],
  ['metformine', '500 mg', 'tablet'],
  ['furosemide', '40 mg', 'tablet'],
  ['acetylsalicylzuur', '80 mg', 'dispertablet'],
  ['pantoprazol', '40 mg', 'maagsapresistente tablet'],
  ['lisinopril', '10 mg', 'tablet'],
  ['levothyroxine', '100 microgram', 'tablet'],
  ['colecalciferol', '800 IE', 'tablet'],
  ['macrogol', '10 g', 'poeder voor drank'],
  ['salbutamol', '100 microgram/dosis', 'aerosol'],
  ['tiotropium', '18 microgram', 'inhalatiepoeder'],
  ['hydrochloorthiazide', '12,5 mg', 'tablet'],
  ['bisoprolol', '2,5 mg', 'tablet'],
  ['enalapril', '10 mg', 'tablet'],
  ['apixaban', '5 mg', 'tablet'],
  ['clopidogrel', '75 mg', 'tablet'],
  ['atorvastatine', '20 mg', 'tablet'],
  ['citalopram', '20 mg', 'tablet'],
  ['oxazepam', '10 mg', 'tablet'],
  ['temazepam', '10 mg', 'capsule'],
  ['tramadol', '50 mg', 'capsule'],
  ['diclofenac', '50 mg', 'maagsapresistente tablet'],
  ['prednisolon', '5 mg', 'tablet'],
  ['amoxicilline', '500 mg', 'capsule'],
  ['nitrofurantoïne', '100 mg', 'capsule met gereguleerde afgifte'],
  ['insuline glargine', '100 E/ml', 'injectievloeistof'],
  ['spironolacton', '25 mg', 'tablet'],
  ['tamsulosine', '0,4 mg', 'capsule met gereguleerde afgifte'],
];

const TIMINGS = [
  { text: '1 maal per dag 1 stuk', frequency: 1, period: 1, dose: 1 },
  { text: '2 maal per dag 1 stuk', frequency: 2, period: 1, dose: 1 },
  { text: '3 maal per dag 1 stuk', frequency: 3, period: 1, dose: 1 },
  { text: '1 maal per dag 2 stuks', frequency: 1, period: 1, dose: 2 },
  { text: 'indien nodig 1 stuk, maximaal 3 per dag', frequency: 1, period: 1, dose: 1, asNeeded: true },
];

const STATUSES = ['active', 'active', 'active', 'completed', 'stopped', 'on-hold'];

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

/** The fictional patient the medication belongs to. */
export function benchPatient() {
  return {
    resourceType: 'Patient',
    id: BENCH_PATIENT_ID,
    identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '999911120' }],
    name: [{ use: 'official', family: 'Testpatiënt', given: ['Bench'] }],
    gender: 'female',
    birthDate: '1950-03-14',
  };
}

/** N MedicationRequests for the bench patient, deterministic for a seed. */
export function medicationRequests(n, seed = 20261122) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [name, strength, form] = pick(MEDICINES);
    const timing = pick(TIMINGS);
    const year = 2015 + Math.floor(random() * 11);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const authoredOn = `${year}-${pad(month)}-${pad(day)}`;
    const display = `${name} ${strength} ${form}`;
    out.push({
      resourceType: 'MedicationRequest',
      id: `bench-mr-${pad(i, 5)}`,
      status: pick(STATUSES),
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.4.7', code: String(100000 + ((i * 7919) % 900000)), display }],
        text: display,
      },
      subject: { reference: `Patient/${BENCH_PATIENT_ID}` },
      authoredOn,
      dosageInstruction: [{
        text: timing.text,
        ...(timing.asNeeded ? { asNeededBoolean: true } : {}),
        timing: { repeat: { frequency: timing.frequency, period: timing.period, periodUnit: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
        doseAndRate: [{ doseQuantity: { value: timing.dose, unit: 'stuk', system: 'http://unitsofmeasure.org', code: '1' } }],
      }],
      dispenseRequest: { validityPeriod: { start: authoredOn } },
    });
  }
  return out;
}

/** A FHIR collection Bundle: the patient and N MedicationRequests (for MemoryAdapter or a server seed). */
export function benchBundle(n, seed) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [benchPatient(), ...medicationRequests(n, seed)].map((resource) => ({ resource })),
  };
}

/** The medicine name a row shows (what the filter matches on). */
export function medicineName(request) {
  return request.medicationCodeableConcept?.text ?? request.medicationCodeableConcept?.coding?.[0]?.display ?? '';
}
