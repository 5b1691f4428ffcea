// Fictional records for the consumer apps (no real person): one patient with three medicines, and
// a second one with 1,000, for the virtualised list.
export const patient = {
  resourceType: 'Patient',
  id: 'pt-zonneveld',
  identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '999911120' }],
  name: [{ use: 'official', family: 'Zonneveld', given: ['Anna', 'Maria'] }],
  gender: 'female',
  birthDate: '1961-03-09',
};

const statement = (patientId, n, text) => ({
  resourceType: 'MedicationStatement',
  id: `ms-${patientId}-${n}`,
  status: 'active',
  medicationCodeableConcept: { text },
  subject: { reference: `Patient/${patientId}` },
  effectivePeriod: { start: '2025-01-06' },
  dosage: [{ text: '1 maal daags 1 tablet' }],
});

export const resources = [
  patient,
  statement(patient.id, 1, 'Metoprolol 50 mg tablet'),
  statement(patient.id, 2, 'Omeprazol 20 mg capsule'),
  statement(patient.id, 3, 'Paracetamol 500 mg tablet'),
  { ...patient, id: 'pt-many', name: [{ family: 'Veldhuis', given: ['Bram'] }], identifier: [] },
  ...Array.from({ length: 1000 }, (_, i) => statement('pt-many', i + 1, `Geneesmiddel ${String(i + 1).padStart(4, '0')} 10 mg tablet`)),
];
