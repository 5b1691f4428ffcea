// Which parts of the banner's model the Patient resources in ../shared/fhir-examples (real public
// examples: nl-core, IPS, US Core, Synthea, IHE) need for their first paint: how many patients would
// wait if a part were loaded lazily. Run: node bench/patient-features.mjs [--json]
// A part is a candidate for a lazy chunk only when few real records use it (issue 19).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fhir-examples');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.json')) yield path;
  }
}

function* patientsIn(resource) {
  if (!resource || typeof resource !== 'object') return;
  if (resource.resourceType === 'Patient') yield resource;
  for (const entry of resource.entry ?? []) yield* patientsIn(entry.resource);
  for (const contained of resource.contained ?? []) yield* patientsIn(contained);
}

const BSN = ['http://fhir.nl/fhir/NamingSystem/bsn', 'urn:oid:2.16.840.1.113883.2.4.6.3'];
const NHS = ['https://fhir.nhs.uk/Id/nhs-number', 'http://fhir.nhs.net/Id/nhs-number'];
const hasExt = (element, part) => JSON.stringify(element ?? {}).includes(part);

/** What each patient needs; each test is a cheap stand-in for the model branch it names. */
const FEATURES = {
  'deceased (marker, date and age at death)': (p) => p.deceasedBoolean === true || p.deceasedDateTime != null,
  'deceasedDateTime (age at death)': (p) => typeof p.deceasedDateTime === 'string',
  'birthTime extension (age in minutes/hours)': (p) => hasExt(p._birthDate, 'patient-birthTime'),
  'partial birth date (year or year-month)': (p) => typeof p.birthDate === 'string' && p.birthDate.length < 10,
  'no birth date': (p) => typeof p.birthDate !== 'string',
  'born under 2 years ago (weeks/months units)': (p) => typeof p.birthDate === 'string' && Date.now() - Date.parse(p.birthDate) < 2 * 365.25 * 864e5,
  'nl-core family-name parts (_family extensions)': (p) => (p.name ?? []).some((n) => hasExt(n._family, 'humanname-own-name') || hasExt(n._family, 'humanname-partner-name')),
  'given-name qualifiers (BR/CL/IN)': (p) => (p.name ?? []).some((n) => hasExt(n._given, 'iso21090-EN-qualifier')),
  'name prefix (title)': (p) => (p.name ?? []).some((n) => (n.prefix ?? []).length > 0),
  'name suffix': (p) => (p.name ?? []).some((n) => (n.suffix ?? []).length > 0),
  'more than one name': (p) => (p.name ?? []).length > 1,
  'name period or use old': (p) => (p.name ?? []).some((n) => n.period || n.use === 'old'),
  'only HumanName.text': (p) => (p.name ?? []).length > 0 && (p.name ?? []).every((n) => !n.family && !(n.given ?? []).length),
  'non-ASCII name': (p) => /[\u0080-\uffff]/.test(JSON.stringify(p.name ?? [])),
  'BSN': (p) => (p.identifier ?? []).some((i) => BSN.includes(i.system)),
  'NHS number': (p) => (p.identifier ?? []).some((i) => NHS.includes(i.system)),
  'identifiers only in other systems': (p) => (p.identifier ?? []).length > 0 && !(p.identifier ?? []).some((i) => BSN.includes(i.system) || NHS.includes(i.system)),
  'no identifier': (p) => !(p.identifier ?? []).length,
};

const patients = [];
for (const path of files(root)) {
  let json;
  try { json = JSON.parse(readFileSync(path, 'utf8')); } catch { continue; }
  for (const patient of patientsIn(json)) patients.push({ file: relative(root, path), patient });
}

const rows = Object.entries(FEATURES).map(([feature, test]) => {
  const users = patients.filter(({ patient }) => test(patient)).map(({ file, patient }) => `${file}#${patient.id ?? '?'}`);
  return { feature, count: users.length, users };
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ patients: patients.length, rows }, null, 2));
} else {
  console.log(`${patients.length} Patient resources in ${relative(process.cwd(), root)}`);
  for (const r of rows) console.log(`${String(r.count).padStart(4)}  ${r.feature}`);
}
