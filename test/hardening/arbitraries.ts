// fast-check generators for the hardening tests: FHIR resources as platforms really send them —
// valid, partial (any field missing) and wrong (any field of another type) — with unknown codes
// (including the names of Object.prototype's members), huge and hostile strings, empty arrays and
// deeply nested extensions. Fictional data only.
//
// Generated text never contains the words a program writes by mistake (`undefined`, `NaN`,
// `null`, `Invalid Date`, `[object …`), so when a rendering or a model's output contains one,
// the code under test wrote it.
import fc from 'fast-check';
import type {
  Bundle, Consent, Extension, Medication, MedicationRequest, MedicationStatement, Patient, Resource,
} from '../../src/core/fhir.js';
import type { MedicationRecord } from '../../src/core/client.js';
import { naughtyStrings } from './naughty-strings.js';

/** One seed for every property, so a failure in CI is reproduced by running the same file again. */
export const SEED = 20261122;
/** Runs per model property (issue 9: at least 1,000). */
export const MODEL_RUNS = 1000;

/** What a program writes by mistake; generated text never contains it. */
export const PROGRAM_WORDS = /undefined|NaN|\bnull\b|Invalid Date|\[object /;
const humane = (text: string): boolean => !/undefined|nan|null|invalid date|\[object /i.test(text);

/** Names of Object.prototype's members: an "unknown code" that a lookup table finds anyway. */
export const PROTOTYPE_KEYS = [
  'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__lookupSetter__',
] as const;

const NAUGHTY = naughtyStrings({ huge: false }).filter(humane);
const LONG = ['A'.repeat(20_000), '\u{1F48A}'.repeat(2_000), `e${'\u0301'.repeat(2_000)}`, `${'Bartholomeus '.repeat(500)}x`];

// ---------------------------------------------------------------------------------------------
// Leaves

/** Text as clinical data holds it: ordinary words, blanks, any Unicode, hostile and huge strings. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('Johanna', 'van der', 'Putten', 'IJsbrand', 'Ödön', 'Zoë', 'O\'Brien', 'Jan-Peter', 'J.P.M.', 'Mevr.', 'dr.', 'Paracetamol 500 mg tablet', 'bij pijn', 'COPD', 'Huisartsenpraktijk Oost', 'Medicatie'), weight: 4 },
  { arbitrary: fc.constantFrom('', ' ', '   ', '\t\n', '?', '-', '–', '\u200b', '\u202e', '.', ':'), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NAUGHTY), weight: 3 },
  { arbitrary: fc.constantFrom(...LONG), weight: 1 },
).filter(humane);

/** A value of the wrong type where a string, number, object or array was expected. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  text,
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.anything({
    maxDepth: 2,
    maxKeys: 3,
    key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...PROTOTYPE_KEYS, 'then', 'text', 'value', 'coding')),
    values: [text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)],
    withNullPrototype: true,
  }),
);

/** Mostly `valid`, sometimes the wrong type. */
export function maybeWrong<T>(valid: fc.Arbitrary<T>, wrongWeight = 1): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: junk, weight: wrongWeight });
}

/** An array of `item`: empty, short, sometimes holding wrong items; or not an array at all. */
export function list<T>(item: fc.Arbitrary<T>, maxLength = 3): fc.Arbitrary<unknown> {
  return maybeWrong(fc.array(maybeWrong(item), { maxLength }));
}

/** A record whose every field may be missing or of the wrong type (partial and wrong shapes). */
export function shape<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: (keyof T)[] = []): fc.Arbitrary<Record<string, unknown>> {
  const loose = Object.fromEntries(Object.entries(model).map(([k, arb]) => [k, required.includes(k) ? arb : maybeWrong(arb)])) as T;
  return fc.record(loose, { requiredKeys: required as string[] });
}

/** A code: a known one, an unknown one, or the name of an Object.prototype member. */
export function code(...known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('x'), weight: 6 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 2 },
    { arbitrary: fc.constantFrom('UNKNOWN', 'xyz', '', ' ', 'ACTIVE', '123', 'http://example.org/x'), weight: 1 },
    { arbitrary: text, weight: 1 },
  );
}

/** A number as a quantity may hold it: ordinary, zero, tiny, huge, negative, not finite. */
export const number: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0.5, 1, 2, 5, 10, 12.5, 500, 1000, 12500, 0.0001, 0.1 + 0.2), weight: 5 },
  { arbitrary: fc.integer({ min: -1000, max: 100_000 }), weight: 2 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e21, 1e-7, 5e-324, 1.7976931348623157e308), weight: 1 },
);

/** FHIR date and dateTime values: full, partial, with zones, impossible, malformed. */
export const fhirDate: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 4 },
  { arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()), weight: 2 },
  { arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 19)}+01:00`), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0')), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`), weight: 1 },
  { arbitrary: fc.constantFrom('1974-02-30', '2024-13-01', '2024-00-10', '0000-01-01', '2023-02-29', '2024-02-29', '99999', 'yesterday', '', '1974-12-25garbage', '19741225', '1974-1-5', '2024-06-01T25:00:00Z', '2024-06-01T10:00', '-0001-01-01', ' 1974-12-25 ', '1945-07-14T23:59:59-12:00', '1945-07-14T00:00:00+14:00'), weight: 2 },
  { arbitrary: text, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Data types

export const SYSTEMS_SEEN = [
  'http://fhir.nl/fhir/NamingSystem/bsn', 'urn:oid:2.16.840.1.113883.2.4.6.3', '2.16.840.1.113883.2.4.6.3', 'https://fhir.nhs.uk/Id/nhs-number',
  'http://snomed.info/sct', 'http://loinc.org', 'http://unitsofmeasure.org', 'urn:oid:2.16.840.1.113883.2.4.4.7', 'urn:oid:2.16.840.1.113883.2.4.4.10',
  'urn:oid:2.16.840.1.113883.2.4.4.1', 'urn:oid:2.16.840.1.113883.2.4.4.1.900.2', 'http://www.whocc.no/atc', 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  'http://terminology.hl7.org/CodeSystem/consentscope', 'http://hl7.org/fhir/resource-types', 'urn:ietf:rfc:3986', 'http://example.org/local',
];

export const system: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom(...SYSTEMS_SEEN), weight: 4 }, { arbitrary: text, weight: 1 });

/** The extensions real data carries, and deep chains of nested ones. */
export const extension: fc.Arbitrary<unknown> = fc.letrec<{ ext: Extension }>((tie) => ({
  ext: shape({
    url: fc.oneof(
      fc.constantFrom(
        'http://nictiz.nl/fhir/StructureDefinition/ext-RenderedDosageInstruction', 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period',
        'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Duration', 'http://nictiz.nl/fhir/StructureDefinition/ext-AsAgreedIndicator',
        'http://nictiz.nl/fhir/StructureDefinition/ext-StopType', 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order',
        'http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation', 'http://hl7.org/fhir/StructureDefinition/patient-birthTime',
      ),
      text,
    ),
    valueString: text,
    valueMarkdown: text,
    valueCode: code('NL1', 'NL2', 'NL3', 'NL4', 'BR', 'IN', 'CL'),
    valueBoolean: fc.boolean(),
    valueDateTime: fhirDate,
    valuePeriod: fc.record({ start: maybeWrong(fhirDate), end: maybeWrong(fhirDate) }, { requiredKeys: [] }),
    valueDuration: fc.record({ value: maybeWrong(number), unit: maybeWrong(code('d', 'wk', 'mo', 'a', 'h', 'days')), code: maybeWrong(code('d', 'wk', 'mo', 'a')) }, { requiredKeys: [] }),
    valueQuantity: fc.record({ value: maybeWrong(number), unit: maybeWrong(text), code: maybeWrong(code('mg', 'mL', '{tbl}')) }, { requiredKeys: [] }),
    extension: fc.array(tie('ext'), { maxLength: 2, depthIdentifier: 'extension' }),
  }, ['url']) as fc.Arbitrary<Extension>,
})).ext;

/** One extension nested `depth` levels deep (a chain), to find recursion that has no bottom. */
export function deepExtension(depth: number): Extension {
  let ext: Extension = { url: 'http://example.org/deep', valueString: 'bottom' };
  for (let i = 0; i < depth; i += 1) ext = { url: 'http://example.org/deep', extension: [ext] };
  return ext;
}

export const extensions: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: list(extension, 3), weight: 5 },
  { arbitrary: fc.integer({ min: 50, max: 400 }).map((n) => [deepExtension(n)]), weight: 1 },
);

export const coding: fc.Arbitrary<Record<string, unknown>> = shape({
  system,
  code: code('33633005', '52711000146108', '422979000', '26643006', '47625008', 'TREAT', 'ETREAT', 'HRESCH', 'patient-privacy', 'treatment', 'adr', 'research', 'MedicationRequest', 'AllergyIntolerance', 'QD', 'BID', 'Q4H', 'ordered', 'access', 'disclose', 'correct', 'modify', '716186003', '12345', '2.16'),
  display: text,
  extension: extensions,
});

export const codeableConcept: fc.Arbitrary<Record<string, unknown>> = shape({
  coding: list(coding, 3),
  text,
});

export const period: fc.Arbitrary<Record<string, unknown>> = shape({ start: fhirDate, end: fhirDate });

export const reference: fc.Arbitrary<Record<string, unknown>> = shape({
  reference: fc.oneof(fc.constantFrom('#med1', '#prac', 'Medication/med-1', 'Medication/med-2', 'Practitioner/1', 'RelatedPerson/1', 'Organization/o1', '#', 'Medication/'), text),
  display: text,
  type: code('Organization', 'Practitioner'),
  identifier: shape({ system, value: text }),
});

const UNITS = ['mg', 'g', 'mcg', 'ug', 'µg', 'mL', 'ml', 'cc', 'L', 'U', 'IU', 'IE', 'E', '[iU]', '[iU]/mL', 'U/mL', '{tbl}', 'tbl', 'tablet', 'stuk', 'druppel', 'puff', '%', 'mmol', 'mg/mL', 'ug/h', 'h', 'd', 'wk', 'mo', 'a', 'min', 's', '1', '{}', '/', '//', 'mg//', 'cc/U', 'x'];

export const quantity: fc.Arbitrary<Record<string, unknown>> = shape({
  value: number,
  comparator: code('<', '<=', '>=', '>'),
  unit: fc.oneof(code(...UNITS), text),
  system: fc.constantFrom('http://unitsofmeasure.org', 'urn:oid:2.16.840.1.113883.2.4.4.1.900.2', 'http://example.org'),
  code: code(...UNITS),
  extension: list(shape({
    url: fc.constant('http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation'),
    valueQuantity: shape({ value: number, unit: code(...UNITS), code: code(...UNITS), system: fc.constant('http://unitsofmeasure.org') }),
  }, ['url']), 2),
});

export const range = shape({ low: quantity, high: quantity });
export const ratio = shape({ numerator: quantity, denominator: quantity });

export const identifier: fc.Arbitrary<Record<string, unknown>> = shape({
  use: code('usual', 'official', 'temp', 'secondary', 'old'),
  system,
  value: fc.oneof(
    fc.constantFrom('123456782', '12345678', '9434765919', '943 476 5919', '1234.56.782', '000000000', '111222333', 'ABC-123', '1', '12'),
    fc.stringMatching(/^\d{8,11}$/),
    text,
  ),
  type: codeableConcept,
  period,
});

// ---------------------------------------------------------------------------------------------
// Patient

const NAME_EXT = 'http://hl7.org/fhir/StructureDefinition/';
const namePart = fc.record({
  url: fc.constantFrom(`${NAME_EXT}humanname-own-prefix`, `${NAME_EXT}humanname-own-name`, `${NAME_EXT}humanname-partner-prefix`, `${NAME_EXT}humanname-partner-name`),
  valueString: maybeWrong(text),
}, { requiredKeys: ['url'] });
const qualifier = fc.record({ extension: list(fc.record({ url: fc.constant(`${NAME_EXT}iso21090-EN-qualifier`), valueCode: maybeWrong(code('BR', 'IN', 'CL', 'br')) }), 2) });

export const humanName: fc.Arbitrary<Record<string, unknown>> = shape({
  use: code('official', 'usual', 'old', 'nickname', 'maiden', 'temp', 'anonymous'),
  text,
  family: text,
  _family: fc.record({ extension: list(namePart, 4) }),
  given: list(text, 4),
  _given: list(fc.oneof(fc.constant(null), qualifier), 4),
  prefix: list(text, 2),
  suffix: list(text, 2),
  extension: fc.oneof(
    list(fc.record({ url: fc.constant(`${NAME_EXT}humanname-assembly-order`), valueCode: maybeWrong(code('NL1', 'NL2', 'NL3', 'NL4', 'nl4')) }), 2),
    extensions,
  ),
  period,
});

export const contactPoint = shape({
  system: code('phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'),
  value: fc.oneof(fc.constantFrom('06 1234 0001', '+31 6 12345678', 'jo@example.org', 'https://example.org', 'javascript:__zkPwned()', 'tel:112'), text),
  use: code('home', 'work', 'temp', 'old', 'mobile'),
  rank: maybeWrong(number),
  period,
});

export const address = shape({
  use: code('home', 'work', 'temp', 'old', 'billing'),
  type: code('postal', 'physical', 'both'),
  text,
  line: list(text, 3),
  city: text,
  district: text,
  state: text,
  postalCode: fc.oneof(fc.constantFrom('1234 AB', '1234AB', 'LS1 4AP'), text),
  country: fc.oneof(fc.constantFrom('NL', 'NLD', 'Nederland', 'UK', 'GB', 'Verenigd Koninkrijk', 'BE'), text),
  period,
});

/** A Patient: valid, partial or wrong. `id` is fixed when given (so a component can read it). */
export function patient(id?: string): fc.Arbitrary<Patient> {
  return shape({
    resourceType: fc.constant('Patient'),
    id: id === undefined ? fc.constantFrom('p1', 'p-2') : fc.constant(id),
    identifier: list(identifier, 4),
    active: fc.boolean(),
    name: list(humanName, 3),
    telecom: list(contactPoint, 3),
    gender: code('male', 'female', 'other', 'unknown', 'Female', ' male '),
    birthDate: fhirDate,
    _birthDate: fc.record({ extension: list(shape({ url: fc.constant(`${NAME_EXT}patient-birthTime`), valueDateTime: fhirDate }, ['url']), 2) }),
    deceasedBoolean: fc.boolean(),
    deceasedDateTime: fhirDate,
    address: list(address, 2),
    extension: extensions,
    modifierExtension: extensions,
  }, id === undefined ? ['resourceType'] : ['resourceType', 'id']) as unknown as fc.Arbitrary<Patient>;
}

// ---------------------------------------------------------------------------------------------
// Medication

const repeat = shape({
  boundsDuration: quantity,
  boundsRange: range,
  boundsPeriod: period,
  count: number,
  countMax: number,
  duration: number,
  durationMax: number,
  durationUnit: code('s', 'min', 'h', 'd', 'wk', 'mo', 'a'),
  frequency: number,
  frequencyMax: number,
  period: number,
  periodMax: number,
  periodUnit: code('s', 'min', 'h', 'd', 'wk', 'mo', 'a'),
  dayOfWeek: list(code('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'), 3),
  timeOfDay: list(fc.oneof(fc.constantFrom('08:00:00', '20:00', '23:59:59', '25:00:00', '8:00'), text), 3),
  when: list(code('MORN', 'NOON', 'EVE', 'HS', 'AC', 'PC', 'CM', 'ACM', 'PCV', 'WAKE', 'NIGHT', 'MORN.early'), 3),
  offset: number,
});

export const dosage: fc.Arbitrary<Record<string, unknown>> = shape({
  sequence: number,
  text,
  additionalInstruction: list(codeableConcept, 2),
  patientInstruction: text,
  timing: shape({ event: list(fhirDate, 2), repeat, code: codeableConcept }),
  asNeededBoolean: fc.boolean(),
  asNeededCodeableConcept: codeableConcept,
  site: codeableConcept,
  route: codeableConcept,
  method: codeableConcept,
  doseAndRate: list(shape({
    type: codeableConcept, doseRange: range, doseQuantity: quantity, rateRatio: ratio, rateRange: range, rateQuantity: quantity,
  }), 2),
  maxDosePerPeriod: ratio,
  maxDosePerAdministration: quantity,
  maxDosePerLifetime: quantity,
  extension: extensions,
});

export function medication(id: string): fc.Arbitrary<Medication> {
  return shape({
    resourceType: fc.constant('Medication'),
    id: fc.constant(id),
    identifier: list(identifier, 2),
    code: codeableConcept,
    status: code('active', 'inactive', 'entered-in-error'),
    form: codeableConcept,
    amount: ratio,
    ingredient: list(shape({ itemCodeableConcept: codeableConcept, itemReference: reference, isActive: fc.boolean(), strength: ratio }), 3),
    extension: extensions,
  }, ['resourceType', 'id']) as unknown as fc.Arbitrary<Medication>;
}

const medicationSourceFields = (patientId: string) => ({
  id: fc.oneof(fc.uuid(), fc.constantFrom('mr-1', 'mr-2', 'ms-1')),
  meta: shape({ profile: list(fc.constantFrom('http://nictiz.nl/fhir/StructureDefinition/mp-MedicationAgreement', 'http://nictiz.nl/fhir/StructureDefinition/mp-DispenseRequest', 'http://nictiz.nl/fhir/StructureDefinition/mp-MedicationUse2', 'http://example.org/other'), 2), versionId: text }),
  identifier: list(identifier, 2),
  medicationCodeableConcept: codeableConcept,
  medicationReference: reference,
  subject: fc.constant({ reference: `Patient/${patientId}` }),
  note: list(shape({ text }), 2),
  extension: extensions,
  modifierExtension: extensions,
  contained: list(fc.oneof(medication('med1'), shape({ resourceType: fc.constant('Practitioner'), id: fc.constant('prac'), name: list(humanName, 2) }, ['resourceType'])), 2),
  text: shape({ status: fc.constant('generated'), div: text }),
});

export function medicationRequest(patientId = 'p1'): fc.Arbitrary<MedicationRequest> {
  return shape({
    resourceType: fc.constant('MedicationRequest'),
    ...medicationSourceFields(patientId),
    status: code('active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'),
    intent: code('order', 'plan'),
    category: list(codeableConcept, 2),
    authoredOn: fhirDate,
    requester: reference,
    dosageInstruction: list(dosage, 3),
    dispenseRequest: shape({ validityPeriod: period }),
  }, ['resourceType', 'id', 'subject']) as unknown as fc.Arbitrary<MedicationRequest>;
}

export function medicationStatement(patientId = 'p1'): fc.Arbitrary<MedicationStatement> {
  return shape({
    resourceType: fc.constant('MedicationStatement'),
    ...medicationSourceFields(patientId),
    status: code('active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'),
    category: codeableConcept,
    effectiveDateTime: fhirDate,
    effectivePeriod: period,
    dateAsserted: fhirDate,
    informationSource: reference,
    dosage: list(dosage, 3),
  }, ['resourceType', 'id', 'subject']) as unknown as fc.Arbitrary<MedicationStatement>;
}

/** What the UtilityClient hands the medication model: a record with its medication resolved (or not). */
export const medicationRecord: fc.Arbitrary<MedicationRecord> = fc.record({
  resource: fc.oneof(medicationRequest(), medicationStatement()),
  medication: medication('med-1'),
  concept: codeableConcept,
}, { requiredKeys: ['resource'] });

// ---------------------------------------------------------------------------------------------
// Consent

const provisionFields = {
  type: code('permit', 'deny'),
  period,
  actor: list(shape({ role: codeableConcept, reference }), 3),
  action: list(codeableConcept, 2),
  purpose: list(coding, 3),
  class: list(coding, 3),
  code: list(codeableConcept, 2),
  extension: extensions,
};

export function consent(patientId = 'p1'): fc.Arbitrary<Consent> {
  const provision = fc.oneof(
    { arbitrary: shape(provisionFields), weight: 5 },
    { arbitrary: shape({ ...provisionFields, securityLabel: list(coding, 1), dataPeriod: period, data: list(shape({ meaning: text, reference }), 1), modifierExtension: extensions, provision: list(shape(provisionFields), 2) }), weight: 2 },
  );
  return shape({
    resourceType: fc.constant('Consent'),
    id: fc.oneof(fc.uuid(), fc.constantFrom('c-1', 'c-2')),
    meta: shape({ versionId: fc.constantFrom('1', '2', 'x') }),
    identifier: list(identifier, 2),
    status: code('draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'),
    scope: fc.oneof(
      { arbitrary: fc.constant({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }), weight: 4 },
      { arbitrary: codeableConcept, weight: 2 },
    ),
    category: list(codeableConcept, 2),
    patient: fc.constant({ reference: `Patient/${patientId}` }),
    dateTime: fhirDate,
    performer: list(reference, 2),
    organization: list(reference, 2),
    policy: list(shape({ authority: text, uri: text }), 2),
    policyRule: codeableConcept,
    provision,
    modifierExtension: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: extensions, weight: 1 }),
  }, ['resourceType', 'id', 'patient']) as unknown as fc.Arbitrary<Consent>;
}

// ---------------------------------------------------------------------------------------------
// Bundles

/** A search answer as a server might send it: a Bundle (valid, partial, wrong) or some other JSON. */
export const searchAnswer: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: shape({
    resourceType: fc.constant('Bundle'),
    type: code('searchset', 'collection'),
    total: number,
    link: list(shape({ relation: code('self', 'next', 'previous'), url: fc.oneof(fc.constantFrom('https://evil.example/next', 'javascript:__zkPwned()', 'MedicationRequest?page=2', '', 'http://127.0.0.1:1/x'), text) }), 2),
    entry: list(shape({
      fullUrl: text,
      resource: fc.oneof(medicationRequest(), medicationStatement(), medication('med-1'), consent(), patient('p1'), shape({ resourceType: fc.constantFrom('OperationOutcome', 'Bundle', 'Basic') })),
      search: shape({ mode: code('match', 'include', 'outcome'), score: number }),
    }), 5),
  }, ['resourceType']), weight: 6 },
  { arbitrary: junk, weight: 1 },
  { arbitrary: shape({ resourceType: fc.constantFrom('OperationOutcome', 'Patient', 'bundle', ''), issue: list(junk) }), weight: 1 },
);

/** Everything one patient (`p1`) has, as a Bundle a MemoryAdapter can be seeded with. */
export function patientBundle(patientId = 'p1'): fc.Arbitrary<Bundle> {
  return fc.record({
    patient: patient(patientId),
    requests: fc.array(medicationRequest(patientId), { maxLength: 5 }),
    statements: fc.array(medicationStatement(patientId), { maxLength: 4 }),
    medications: fc.tuple(medication('med-1'), medication('med-2')),
    consents: fc.array(consent(patientId), { maxLength: 4 }),
  }).map(({ patient: p, requests, statements, medications, consents }): Bundle => {
    const resources: Resource[] = [p, ...medications, ...requests, ...statements, ...consents];
    // Ids must be unique in a store; generated ones may repeat.
    const seen = new Set<string>();
    const entry = resources.filter((r) => {
      const key = `${r.resourceType}/${String(r.id)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).map((resource) => ({ resource }));
    return { resourceType: 'Bundle', type: 'collection', entry };
  });
}
