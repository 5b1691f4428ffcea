import type { CodeableConcept, Consent, ConsentProvision, Extension } from '../fhir/r4.js';
import { SYSTEMS } from '../fhir/r4.js';
import { compareCalendarDates, daysInMonth, formatDate, parseFhirDate, parseFhirInstant, type CalendarDate } from './date.js';
import type { ZkLocale } from './locale.js';
import { joinList, list, trimmed } from './text.js';
import {
  CPR_CODE, DATA_MEANINGS, SCOPES, STATUS, WORDS, actionText, capitalise, categoryText, conceptText, dataClassText, fill,
  livingWillText, policyRuleText, purposeText, referenceText, roleText, securityLabelText, treatmentText, unique,
} from './consent-words.js';

/**
 * Recorded Consents in plain words (nl, en): any FHIR R4 Consent, ours or not — privacy consents,
 * treatment directives (zib TreatmentDirective2), advance directives (zib AdvanceDirective, PACIO
 * ADI), research consents — with its scope, category, policy, decision, nested provisions, who,
 * what actions, what data, period (and whether it has ended), status and source.
 *
 * Safety rules:
 * - A Consent is "ours" (`kind` permit or deny: the dialog may withdraw it) only when every element
 *   that could change its meaning is understood. Everything else is read-only, and still
 *   described in full.
 * - A modifier extension this module does not understand makes the summary say "check the record:
 *   this decision has a condition this screen cannot show", and the headline is never a bare
 *   "Allowed" / "Not allowed"; what is understood is still shown below it.
 */

export type ConsentKind = 'permit' | 'deny' | 'unknown';

/** Why a Consent is not one this dialog can change (it is still described). */
export type UnknownReason =
  | 'not-privacy' // scope treatment / adr / research / missing: not a sharing decision
  | 'modifier-extension' // something changes its meaning that this module does not know
  | 'no-decision' // no provision, or a provision without permit / deny
  | 'nested-provision' // exceptions inside the decision
  | 'unsupported-element'; // a restriction this dialog does not write (data, securityLabel, …)

/** One provision (the decision, or an exception nested in it) in words. */
export interface ProvisionSummary {
  type: 'permit' | 'deny' | undefined;
  /**
   * "Allowed" / "Not allowed" (top level); nested: "Exception: allowed" when it inverts its parent,
   * "Part: not allowed" when it repeats it; "No allow or refuse recorded" without a type.
   */
  decision: string;
  /** Who (actors): "Huisartsenpost (ontvanger van gegevens)". */
  who: string[];
  /** Actions: "see", "correct", "intubation". */
  actions: string[];
  /** Data: classes, codes (treatments, living-will types, policies) and `data` with its meaning. */
  data: string[];
  /** Purposes, as known words or as recorded. */
  purposes: string[];
  /** Only data with these confidentiality labels. */
  securityLabels: string[];
  /** The period of the data it covers ("From 01-Jan-2022 until 31-Dec-2022"). */
  dataPeriod?: string;
  /** The period it applies in; undefined when none is recorded. */
  period?: string;
  /** "Ended on 31-Dec-2022" when its period ended before today. */
  ended?: string;
  /** "Starts on …" when its period starts after today. */
  starts?: string;
  /** Nested provisions: exceptions to this one (their type is the opposite as a rule). */
  provisions: ProvisionSummary[];
}

export interface ConsentSummary {
  consent: Consent;
  kind: ConsentKind;
  unknownReason?: UnknownReason;
  /** The headline: "Allowed", "Not allowed, with exceptions", "Do not resuscitate", "Check the record", … */
  decision: string;
  /** The FHIR status as given (or undefined). */
  status: Consent['status'] | undefined;
  /** "Active", "Withdrawn", … */
  statusText: string;
  /** What kind of record: "Privacy consent", "Treatment directive", … */
  title: string;
  /** Who may (not) see the data. Set for the dialog's own kind (permit / deny). */
  recipient?: string;
  /** Which data. Set for the dialog's own kind. */
  data?: string;
  /** For what purpose. Set for the dialog's own kind. */
  purpose?: string;
  /** The period in words. Set for the dialog's own kind. */
  period?: string;
  /** When the decision was recorded ("14-Jul-2025"). */
  recorded?: string;
  /** Who made the decision ("You", a representative's name): the first performer. */
  performer?: string;
  /** Every performer. */
  performers: string[];
  /** The organisations that hold the decision. */
  organisations: string[];
  /** The scope in words, when it says more than the title. */
  scope?: string;
  /** Categories in words (as recorded where not known). */
  categories: string[];
  /** The policy: opt-in / opt-out, the policy rule's text, policy URIs as written. */
  policy: string[];
  /** The source: a document, a form, a power of attorney. */
  source?: string;
  /** A comment recorded with it (zib ext-Comment). */
  comment?: string;
  /** The decision in detail (with nested provisions). */
  provision?: ProvisionSummary;
  /** Set when a modifier extension is not understood: "Check the record: …". */
  checkRecord?: string;
  /** The period ended before today. */
  expired: boolean;
  /** The period starts after today. */
  notYetStarted: boolean;
  /** "Ended on …" when the decision's period ended before today. */
  ended?: string;
  /** Not one this dialog can change: shown read-only. */
  readOnly: boolean;
  /** Active, ours (understood, with no signed source document), not expired: the patient may withdraw it. */
  withdrawable: boolean;
  /** For read-only consents: a sentence saying why. */
  note?: string;
}

const UNDERSTOOD_PROVISION_KEYS = new Set(['id', 'extension', 'type', 'period', 'actor', 'purpose', 'class', 'code', 'action']);
/** Consent actions that only concern seeing / sharing data: anything else changes the meaning. */
const UNDERSTOOD_ACTIONS = new Set(['access', 'disclose', 'use', 'collect', 'correct']);

const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
/** zib TreatmentDirective2: the decision "other", in words (a modifier this module reads). */
const SPECIFICATION_OTHER = new Set([`${NICTIZ}ext-TreatmentDirective2.SpecificationOther`, `${NICTIZ}ext-TreatmentDirective2.SpecificitionOther`]);
const COMMENT = `${NICTIZ}ext-Comment`;

function hasModifier(value: { modifierExtension?: unknown }): boolean {
  return Array.isArray(value.modifierExtension) && value.modifierExtension.length > 0;
}

function scopeCode(consent: Consent): string | undefined {
  return list(consent.scope?.coding).find((c) => c.system === SYSTEMS.consentScope)?.code;
}

/** Decides permit / deny / unknown: unknown unless every element that could change the meaning is understood. */
export function classifyConsent(consent: Consent): { kind: ConsentKind; reason?: UnknownReason } {
  if (hasModifier(consent)) return { kind: 'unknown', reason: 'modifier-extension' };
  if (scopeCode(consent) !== 'patient-privacy') return { kind: 'unknown', reason: 'not-privacy' };
  const provision = consent.provision;
  if (!provision || typeof provision !== 'object') return { kind: 'unknown', reason: 'no-decision' };
  if (hasModifier(provision)) return { kind: 'unknown', reason: 'modifier-extension' };
  if (Array.isArray(provision.provision) && provision.provision.length > 0) return { kind: 'unknown', reason: 'nested-provision' };
  for (const key of Object.keys(provision)) {
    if (key === 'provision' || key === 'modifierExtension') continue;
    if (!UNDERSTOOD_PROVISION_KEYS.has(key)) return { kind: 'unknown', reason: 'unsupported-element' };
  }
  for (const action of list(provision.action)) {
    const codes = list(action.coding).map((c) => c.code);
    if (codes.length === 0 || !codes.every((c) => c !== undefined && UNDERSTOOD_ACTIONS.has(c))) {
      return { kind: 'unknown', reason: 'unsupported-element' };
    }
  }
  if (provision.type !== 'permit' && provision.type !== 'deny') return { kind: 'unknown', reason: 'no-decision' };
  return { kind: provision.type };
}

/** The last calendar day a (possibly partial) end date covers: `2025` → 31 Dec 2025. */
function lastDayOf(date: CalendarDate): CalendarDate {
  const month = date.month ?? 12;
  return { year: date.year, month, day: date.day ?? daysInMonth(date.year, month) };
}

export function periodText(period: { start?: string; end?: string } | undefined, locale: ZkLocale): string {
  const start = formatDate(period?.start, locale);
  const end = formatDate(period?.end, locale);
  if (start && end) return locale === 'nl' ? `Van ${start} tot en met ${end}` : `From ${start} until ${end}`;
  if (end) return locale === 'nl' ? `Tot en met ${end}` : `Until ${end}`;
  if (start) return locale === 'nl' ? `Vanaf ${start}, geen einddatum` : `From ${start}, no end date`;
  return WORDS.noEnd[locale];
}

interface PeriodState { expired: boolean; notYetStarted: boolean; ended?: string; starts?: string }

function periodState(period: { start?: string; end?: string } | undefined, locale: ZkLocale, today: CalendarDate): PeriodState {
  const end = parseFhirDate(period?.end);
  const start = parseFhirDate(period?.start);
  const expired = end !== undefined && compareCalendarDates(lastDayOf(end), today) < 0;
  const notYetStarted = start !== undefined && compareCalendarDates(start, today) > 0;
  const endText = formatDate(period?.end, locale);
  const startText = formatDate(period?.start, locale);
  return {
    expired,
    notYetStarted,
    ...(expired && endText ? { ended: fill(locale === 'nl' ? 'Beëindigd op {0}' : 'Ended on {0}', endText) } : {}),
    ...(notYetStarted && startText ? { starts: fill(locale === 'nl' ? 'Gaat in op {0}' : 'Starts on {0}', startText) } : {}),
  };
}

function performerText(consent: Consent, performer: Consent['patient'], locale: ZkLocale): string | undefined {
  if (!performer) return undefined;
  const patientRef = consent.patient?.reference;
  if (patientRef && performer.reference === patientRef) return capitalise(WORDS.thePatient[locale]);
  return referenceText(performer, locale, list(consent.contained)) ?? capitalise(WORDS.aRepresentative[locale]);
}

/** True when this provision or one nested in it carries a modifier extension this module does not read. */
function unknownModifierIn(provision: ConsentProvision | undefined): boolean {
  if (!provision || typeof provision !== 'object') return false;
  if (list(provision.modifierExtension).some((e) => !SPECIFICATION_OTHER.has(e.url))) return true;
  return list(provision.provision).some(unknownModifierIn);
}

function specificationOther(consent: Consent): string | undefined {
  const all: Extension[] = [...list(consent.modifierExtension), ...list(consent.provision?.modifierExtension)];
  const ext = all.find((e) => SPECIFICATION_OTHER.has(e.url));
  return ext ? trimmed(ext.valueString) ?? conceptText(ext.valueCodeableConcept) : undefined;
}

type CodeReader = (code: CodeableConcept, locale: ZkLocale) => string | undefined;

function codeReaderFor(consent: Consent): CodeReader {
  const scope = scopeCode(consent);
  if (scope === 'treatment') return treatmentText;
  if (scope === 'adr') return livingWillText;
  return (code) => conceptText(code);
}

/** The words of a provision's decision: top level, an exception (the opposite of its parent), or a part (the same). */
function decisionWords(type: 'permit' | 'deny' | undefined, parent: 'permit' | 'deny' | undefined | null, locale: ZkLocale): string {
  if (!type) return WORDS.noDecision[locale];
  if (parent === null) return WORDS[type][locale];
  if (type === parent) return (type === 'permit' ? WORDS.partPermit : WORDS.partDeny)[locale];
  return (type === 'permit' ? WORDS.exceptionPermit : WORDS.exceptionDeny)[locale];
}

/** `parent`: the type of the enclosing provision, or null at the top level. */
function summariseProvision(consent: Consent, provision: ConsentProvision, parent: 'permit' | 'deny' | undefined | null, locale: ZkLocale, today: CalendarDate): ProvisionSummary {
  const contained = list(consent.contained);
  const readCode = codeReaderFor(consent);
  const type = provision.type === 'permit' || provision.type === 'deny' ? provision.type : undefined;
  const decision = decisionWords(type, parent, locale);
  const who = unique(list(provision.actor).map((a) => {
    const name = referenceText(a.reference, locale, contained);
    const role = roleText(a.role, locale);
    return name && role ? `${name} (${role})` : name ?? role;
  }));
  const data = unique([
    ...list(provision.class).map((c) => dataClassText(c, locale)),
    ...list(provision.code).map((c) => readCode(c, locale)),
    ...list(provision.data).map((d) => {
      const target = referenceText(d.reference, locale, contained);
      if (!target) return undefined;
      const meaning = typeof d.meaning === 'string' ? DATA_MEANINGS[d.meaning] : undefined;
      return meaning ? fill(meaning[locale], target) : target;
    }),
  ]);
  const period = provision.period && (provision.period.start || provision.period.end) ? periodText(provision.period, locale) : undefined;
  const dataPeriod = provision.dataPeriod && (provision.dataPeriod.start || provision.dataPeriod.end) ? periodText(provision.dataPeriod, locale) : undefined;
  const state = periodState(provision.period, locale, today);
  return {
    type,
    decision,
    who,
    actions: unique(list(provision.action).map((a) => actionText(a, locale))),
    data,
    purposes: unique(list(provision.purpose).map((p) => purposeText(p, locale))),
    securityLabels: unique(list(provision.securityLabel).map((l) => securityLabelText(l, locale))),
    ...(dataPeriod ? { dataPeriod } : {}),
    ...(period ? { period } : {}),
    ...(state.ended ? { ended: state.ended } : {}),
    ...(state.starts ? { starts: state.starts } : {}),
    provisions: list(provision.provision).map((p) => summariseProvision(consent, p, type, locale, today)),
  };
}

/** The headline of a Consent that is not one of ours: its decision in words, never "see the record" alone. */
function headline(consent: Consent, provision: ProvisionSummary | undefined, checkRecord: boolean, locale: ZkLocale): string {
  if (checkRecord) return WORDS.checkRecordTitle[locale];
  const scope = scopeCode(consent);
  const raw = consent.provision;
  const other = specificationOther(consent);
  if (scope === 'treatment') {
    const treatments = unique(list(raw?.code).map((c) => treatmentText(c, locale)));
    const isCpr = list(raw?.code).some((c) => list(c?.coding).some((x) => x.system === SYSTEMS.snomed && x.code === CPR_CODE));
    if (isCpr && provision?.type === 'deny') return WORDS.dnr[locale];
    const what = treatments.length ? capitalise(joinList(treatments, locale)) : undefined;
    const decision = other ? `${WORDS.other[locale].toLocaleLowerCase()}: ${other}` : (provision?.decision ?? WORDS.noDecision[locale]).toLocaleLowerCase();
    return what ? `${what}: ${decision}` : capitalise(decision);
  }
  if (scope === 'adr' && !provision?.type) {
    const wills = unique(list(raw?.code).map((c) => livingWillText(c, locale)));
    if (wills.length) return capitalise(joinList(wills, locale));
  }
  if (!provision?.type) return WORDS.noDecision[locale];
  if (provision.provisions.some((p) => p.type !== undefined && p.type !== provision.type)) {
    return (provision.type === 'permit' ? WORDS.permitWithExceptions : WORDS.denyWithExceptions)[locale];
  }
  return provision.decision;
}

/**
 * One recorded Consent in words, as of `today` (the caller's calendar date). Every Consent is
 * described in full; only the dialog's own kind (a plain privacy permit / deny) is withdrawable.
 */
export function summariseConsent(consent: Consent, locale: ZkLocale, today: CalendarDate): ConsentSummary {
  const { kind, reason } = classifyConsent(consent);
  const contained = list(consent.contained);
  const status = typeof consent.status === 'string' ? consent.status : undefined;
  const statusText = (status ? STATUS[status]?.[locale] : undefined) ?? WORDS.notKnown[locale];
  const scope = scopeCode(consent);
  const scopeTitle = scope && SCOPES[scope] ? SCOPES[scope][locale] : undefined;
  const categories = unique(list(consent.category).map((c) => categoryText(c, locale)));
  const otherScope = !scopeTitle && consent.scope ? categoryText(consent.scope, locale) : undefined;
  const title = scopeTitle ?? categories[0] ?? otherScope ?? WORDS.notKnown[locale];
  const recorded = formatDate(consent.dateTime, locale);
  const performers = unique(list(consent.performer).map((p) => performerText(consent, p, locale)));
  const raw = consent.provision && typeof consent.provision === 'object' ? consent.provision : undefined;
  const provision = raw ? summariseProvision(consent, raw, null, locale, today) : undefined;
  const checkRecord = list(consent.modifierExtension).some((e) => !SPECIFICATION_OTHER.has(e.url)) || unknownModifierIn(raw);
  const state = periodState(raw?.period, locale, today);
  const policy = unique([
    ...policyRuleText(consent.policyRule, locale),
    ...list(consent.policy).map((p) => trimmed(p.uri) ?? trimmed(p.authority)),
  ]);
  const attachment = consent.sourceAttachment && typeof consent.sourceAttachment === 'object' ? consent.sourceAttachment : undefined;
  const source = (attachment ? trimmed(attachment.title) ?? trimmed(attachment.url) ?? (locale === 'nl' ? 'bijgevoegd document' : 'attached document') : undefined)
    ?? referenceText(consent.sourceReference, locale, contained);
  const comment = trimmed(list(consent.extension).find((e) => e.url === COMMENT)?.valueString);

  const base = {
    consent, status, statusText, title,
    ...(recorded ? { recorded } : {}),
    ...(performers[0] ? { performer: performers[0] } : {}),
    performers,
    organisations: unique(list(consent.organization).map((o) => referenceText(o, locale, contained))),
    ...(otherScope && otherScope !== title ? { scope: otherScope } : {}),
    categories: categories.filter((c) => c !== title),
    policy,
    ...(source ? { source: capitalise(source) } : {}),
    ...(comment ? { comment } : {}),
    ...(provision ? { provision } : {}),
    ...(checkRecord ? { checkRecord: WORDS.checkRecord[locale] } : {}),
    expired: state.expired,
    notYetStarted: state.notYetStarted,
    ...(state.ended ? { ended: state.ended } : {}),
  };

  if (kind === 'unknown') {
    return {
      ...base, kind, ...(reason ? { unknownReason: reason } : {}),
      decision: headline(consent, provision, checkRecord, locale),
      readOnly: true, withdrawable: false,
      note: checkRecord ? WORDS.checkRecord[locale] : WORDS.readOnly[locale],
    };
  }

  // Backed by a signed document (a form, a power of attorney): the dialog cannot void that
  // document, so it does not withdraw the decision either; the care provider does.
  const sourced = source !== undefined;
  const p = provision!;
  // The dialog's own kind: who receives the data (the label says so), so names without the role.
  const recipients = unique(list(raw?.actor).map((a) => referenceText(a.reference, locale, contained) ?? roleText(a.role, locale)));
  return {
    ...base,
    kind,
    decision: WORDS[kind][locale],
    recipient: recipients.length ? joinList(recipients, locale) : WORDS.notKnown[locale],
    data: capitalise(p.data.length ? joinList(p.data, locale) : WORDS.allData[locale]),
    purpose: capitalise(p.purposes.length ? joinList(p.purposes, locale) : WORDS.anyPurpose[locale]),
    period: periodText(raw?.period, locale),
    readOnly: sourced,
    withdrawable: !sourced && status === 'active' && !state.expired,
    ...(sourced ? { note: WORDS.readOnly[locale] } : {}),
  };
}

/**
 * Every Consent of a patient in words, newest decision first. Entered-in-error records are left
 * out: they never were a decision.
 */
export function summariseConsents(consents: readonly Consent[], locale: ZkLocale, today: CalendarDate): ConsentSummary[] {
  return consents
    .filter((c) => c && c.resourceType === 'Consent' && c.status !== 'entered-in-error')
    .map((c) => summariseConsent(c, locale, today))
    .sort((a, b) => newestFirst(a.consent.dateTime, b.consent.dateTime));
}

/**
 * Orders by the calendar date as written, the date shown beside each decision (a date-only value
 * is a whole day, not UTC midnight), newest first; on the same date by the moment when both have
 * a time and a zone. Records without a readable date go last.
 */
function newestFirst(a: unknown, b: unknown): number {
  const x = parseFhirDate(a);
  const y = parseFhirDate(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  const byDate = compareCalendarDates(y, x);
  if (byDate !== 0) return byDate;
  const tx = parseFhirInstant(a);
  const ty = parseFhirInstant(b);
  return tx === undefined || ty === undefined ? 0 : ty - tx;
}
