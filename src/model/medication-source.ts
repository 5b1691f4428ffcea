import type {
  CodeableConcept, Coding, Dosage, Extension, Medication, MedicationRequest, MedicationStatement, Reference, Resource,
} from '../fhir/r4.js';
import type { MedicationRecord } from './medication-record.js';
import type { ZkLocale } from './locale.js';
import { formatRatio } from './quantity.js';
import { lookupTable, trimmed } from './text.js';

/**
 * Reading one medication record (MedicationRequest / MedicationStatement with its Medication):
 * its kind (MP9 building block), its medication (name, code, strength; a Medication in `contained`
 * by `#id`), its dosages and Nictiz extensions, its prescriber (a contained Practitioner,
 * PractitionerRole or Organization by `#id`) and when it was written. Rows are made in
 * `./medication.ts`; statuses and periods in `./medication-status.ts`.
 */

export type MedicationKind = 'agreement' | 'dispense-request' | 'use' | 'request' | 'statement';
export type MedicationSource = MedicationRequest | MedicationStatement;

export const CATEGORY: Readonly<Record<string, MedicationKind>> = lookupTable({
  '33633005': 'agreement',
  '52711000146108': 'dispense-request',
  '422979000': 'use',
});

export const codings = (concept: CodeableConcept | undefined): Coding[] =>
  concept && typeof concept === 'object' && Array.isArray(concept.coding) ? concept.coding.filter((c): c is Coding => !!c && typeof c === 'object') : [];

/** The MP9 kind of a record, from its category (SNOMED CT) or else its profile. */
export function medicationKind(resource: MedicationSource): MedicationKind {
  const isRequest = resource.resourceType === 'MedicationRequest';
  const categories = isRequest
    ? (Array.isArray(resource.category) ? resource.category : [])
    : [(resource).category];
  for (const category of categories) {
    for (const coding of codings(category)) {
      const kind = typeof coding.code === 'string' ? CATEGORY[coding.code] : undefined;
      if (kind && (kind === 'use') !== isRequest) return kind;
    }
  }
  const profiles = Array.isArray(resource.meta?.profile) ? resource.meta.profile.filter((p): p is string => typeof p === 'string') : [];
  if (isRequest && profiles.some((p) => /MedicationAgreement/i.test(p))) return 'agreement';
  if (isRequest && profiles.some((p) => /DispenseRequest/i.test(p))) return 'dispense-request';
  if (!isRequest && profiles.some((p) => /MedicationUse/i.test(p))) return 'use';
  return isRequest ? 'request' : 'statement';
}

/**
 * G-Standaard product code systems, most specific first: HPK (handelsproductcode, `…2.4.4.7`),
 * PRK (voorschrijfproductcode, `…2.4.4.10`), GPK (generieke productcode, `…2.4.4.1`), as Nictiz
 * publishes them. (CLINICAL.md lists HPK and PRK the other way round; the Nictiz OIDs are these.)
 */
export const G_STANDAARD = {
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
} as const;
export const PREFERRED_SYSTEMS: readonly string[] = [G_STANDAARD.hpk, G_STANDAARD.prk, G_STANDAARD.gpk];
export const NOT_A_PRODUCT = /whocc\.no\/atc|2\.16\.840\.1\.113883\.6\.73$/i;

/** The coding that identifies the product: G-Standaard HPK > PRK > GPK > the first other (not ATC). */
export function preferredCoding(concept: CodeableConcept | undefined): Coding | undefined {
  const usable = codings(concept).filter((c) => trimmed(c.system) && trimmed(c.code) && !NOT_A_PRODUCT.test(c.system ?? ''));
  for (const system of PREFERRED_SYSTEMS) {
    const found = usable.find((c) => c.system === system);
    if (found) return found;
  }
  return usable[0];
}

/** What the record's medication is: the Medication's code, or `medicationCodeableConcept`. */
export function recordConcept(record: MedicationRecord): CodeableConcept | undefined {
  return record.concept ?? recordMedication(record)?.code ?? record.resource.medicationCodeableConcept;
}

/** The Medication of a record: as resolved by the client, or found in `contained` by `#id`. */
export function recordMedication(record: MedicationRecord): Medication | undefined {
  if (record.medication) return record.medication;
  const ref = trimmed(record.resource.medicationReference?.reference);
  if (!ref?.startsWith('#')) return undefined;
  return containedById(record.resource, ref.slice(1), 'Medication') as Medication | undefined;
}

export function containedById(resource: MedicationSource, id: string, ...types: string[]): Resource | undefined {
  const contained = Array.isArray(resource.contained) ? resource.contained : [];
  return contained.find((r) => r && typeof r === 'object' && r.id === id && types.includes(r.resourceType));
}

/** The name in full: `code.text`, else the preferred coding's display, else any display, else the reference's display. */
export function medicationName(record: MedicationRecord): string | undefined {
  const concept = recordConcept(record);
  const text = trimmed(concept?.text);
  if (text) return text;
  const preferred = preferredCoding(concept);
  return trimmed(preferred?.display)
    ?? trimmed(codings(concept).find((c) => trimmed(c.display))?.display)
    ?? trimmed(record.resource.medicationReference?.display);
}

/** Strength of the active ingredients: `500 mg`, `100 units/mL`, `400 mg + 80 mg`. */
export function medicationStrength(medication: Medication | undefined, locale: ZkLocale): string | undefined {
  if (!medication || !Array.isArray(medication.ingredient)) return undefined;
  const parts = medication.ingredient
    .filter((i) => i && typeof i === 'object' && i.isActive !== false)
    .map((i) => formatRatio(i.strength, locale))
    .filter((s): s is string => s !== undefined);
  return parts.length ? parts.join(' + ') : undefined;
}

export function dosagesOf(resource: MedicationSource): Dosage[] {
  const list = resource.resourceType === 'MedicationRequest' ? resource.dosageInstruction : (resource).dosage;
  return Array.isArray(list) ? list.filter((d): d is Dosage => !!d && typeof d === 'object') : [];
}

export const extensionsOf = (resource: MedicationSource): Extension[] =>
  Array.isArray(resource.extension) ? resource.extension.filter((e): e is Extension => !!e && typeof e === 'object') : [];

export function extensionValue<T>(resource: MedicationSource, suffix: string, read: (e: Extension) => T | undefined): T | undefined {
  for (const e of extensionsOf(resource)) {
    if (typeof e.url === 'string' && e.url.endsWith(suffix)) {
      const value = read(e);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

export function renderedText(resource: MedicationSource): string | undefined {
  return extensionValue(resource, '/ext-RenderedDosageInstruction', (e) => trimmed(e.valueString) ?? trimmed(e.valueMarkdown));
}

export function practitionerName(resource: Resource | undefined): string | undefined {
  if (!resource) return undefined;
  const names = Array.isArray(resource.name) ? (resource.name as { text?: unknown; family?: unknown; given?: unknown; prefix?: unknown; suffix?: unknown }[]) : [];
  const name = names.find((n) => n && typeof n === 'object');
  if (typeof resource.name === 'string') return trimmed(resource.name);
  if (!name) return undefined;
  const text = trimmed(name.text);
  if (text) return text;
  const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
  const prefix = Array.isArray(name.prefix) ? name.prefix.filter((g): g is string => typeof g === 'string') : [];
  const suffix = Array.isArray(name.suffix) ? name.suffix.filter((g): g is string => typeof g === 'string') : [];
  return trimmed([...prefix, ...given, typeof name.family === 'string' ? name.family : '', ...suffix].join(' '));
}

/**
 * Who a reference names: its `display`, else the resource it points at inside `contained` (`#id`):
 * a Practitioner, Organization, Patient or RelatedPerson by name, a PractitionerRole by its
 * practitioner and organization (`Ronald Bone MD, Example Clinic`), each resolved the same way.
 */
export function referencedName(resource: MedicationSource, reference: Reference | undefined, depth = 0): string | undefined {
  if (!reference || typeof reference !== 'object' || depth > 2) return undefined;
  const display = trimmed(reference.display);
  if (display) return display;
  const ref = trimmed(reference.reference);
  if (!ref?.startsWith('#')) return undefined;
  const target = containedById(resource, ref.slice(1), 'Practitioner', 'PractitionerRole', 'Organization', 'Patient', 'RelatedPerson');
  if (target?.resourceType === 'PractitionerRole') {
    const parts = [target.practitioner, target.organization].map((r) => referencedName(resource, r as Reference | undefined, depth + 1)).filter((n) => n !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  return practitionerName(target);
}

/** The prescriber of a MedicationRequest: `requester.display`, or whom it points at in `contained` (`referencedName`). */
export function prescriberOf(resource: MedicationSource): string | undefined {
  if (resource.resourceType !== 'MedicationRequest') return undefined;
  return referencedName(resource, resource.requester);
}

/** The date a record was written, for choosing the newest of several sources. */
export function writtenOn(resource: MedicationSource): string | undefined {
  return resource.resourceType === 'MedicationRequest' ? trimmed(resource.authoredOn) : trimmed((resource).dateAsserted);
}
