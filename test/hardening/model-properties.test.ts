// Property-based tests of the model functions (issue 9): for generated Patients, medication
// records, Consents and requests — valid, partial and wrong shapes, unknown codes, hostile and huge
// strings, deep extensions — every model function returns, never throws, and never returns text
// with `undefined`, `NaN`, `null`, `Invalid Date` or `[object …`. 1,000 runs each, fixed seed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ZkLocale } from '../../src/model/locale.js';
import { patientBannerView } from '../../src/model/patient-contact.js';
import { callName, formatName, formatPatientName, type NameStyle } from '../../src/model/name.js';
import { listIdentifiers } from '../../src/model/identifier.js';
import { formatDate, parseFhirDate, today } from '../../src/model/date.js';
import { ageAtDeath, ageOn, formatAge } from '../../src/model/age.js';
import {
  countRows, filterRows, groupRows, medicationRows, sortRows, visibleRows, type MedicationSort, type SortDirection,
} from '../../src/model/medication.js';
import { dosageText, timingText } from '../../src/model/dosage.js';
import { formatNumber, formatQuantity, formatRange, formatRatio } from '../../src/model/quantity.js';
import {
  buildConsent, classifyConsent, consentIdentifier, decisionSentence, describeRequest, requestFromAttributes, summariseConsents,
  type ConsentRequest,
} from '../../src/model/consent.js';
import { allergyStatus } from '../../src/model/allergy.js';
import type { Consent, Dosage } from '../../src/core/fhir.js';
import {
  MODEL_RUNS, SEED, code, codeableConcept, consent, coding, dosage, fhirDate, humanName, identifier, junk, list, maybeWrong,
  medicationRecord, number, patient, quantity, range, ratio, shape, text,
} from './arbitraries.js';
import { blankStrings, unreadable } from './harness.js';

const params = { numRuns: MODEL_RUNS, seed: SEED, includeErrorInReport: true };
const locale: fc.Arbitrary<ZkLocale> = fc.constantFrom('en', 'nl');
const moment = fc.oneof(
  { arbitrary: fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), weight: 9 },
  { arbitrary: fc.constant(new Date(Number.NaN)), weight: 1 },
);
const calendarDay = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => today(d));

/** Fails with the paths of what is unreadable. */
function expectReadable(value: unknown, skip: readonly string[] = []): void {
  const problems = unreadable(value, skip);
  if (problems.length) throw new Error(`unreadable output:\n  ${problems.slice(0, 8).join('\n  ')}`);
}

function expectNoBlank(value: unknown, keys: readonly string[], skip: readonly string[] = []): void {
  const problems = blankStrings(value, keys, skip);
  if (problems.length) throw new Error(`blank text shown:\n  ${problems.slice(0, 8).join('\n  ')}`);
}

describe('hardening: model properties (1,000 generated inputs each, seed 20261122)', function () {
  // Generated data runs 2–3× slower in Firefox than in Chromium, more on a loaded CI machine: the
  // limit is there to catch a hang, not to time the engine.
  this.timeout(180_000);
  describe('patient', () => {
    it('patientBannerView never throws and shows only readable, non-blank text for any Patient (PAB-0019) — 1,000 runs', () => {
      fc.assert(fc.property(
        patient(), locale, fc.option(fc.constantFrom<NameStyle>('dutch', 'nhs')), fc.boolean(), fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }), moment,
        (p, loc, nameStyle, mask, systems, now) => {
          const view = patientBannerView(p, loc, {
            ...(nameStyle ? { nameStyle } : {}), maskIdentifier: mask, identifierSystems: systems,
          }, now);
          expectReadable(view);
          const { name, ...rest } = view;
          expectNoBlank(rest, ['born', 'gender', 'nameNotKnown', 'label', 'definition', 'value', 'spoken', 'short', 'long', 'callName']);
          expectNoBlank({ ...name, segments: name?.segments.filter((s) => s.kind !== 'separator') }, ['text', 'value', 'given', 'family', 'title', 'suffix']);
          expect(view.born).to.not.equal('?');
          expect(view.gender).to.not.equal('?');
        },
      ), params);
    });

    it('formatName / formatPatientName / callName never throw and never give an empty name — 1,000 runs', () => {
      fc.assert(fc.property(humanName, patient(), fc.constantFrom<NameStyle>('dutch', 'nhs'), locale, (name, p, style, loc) => {
        const one = formatName(name, style, loc);
        const whole = formatPatientName(p, style, loc);
        const call = callName(p);
        expectReadable({ one, whole, call });
        for (const formatted of [one, whole]) {
          if (formatted) expect(formatted.text.trim(), 'name text').to.not.equal('');
        }
        if (call !== undefined) expect(call.trim()).to.not.equal('');
      }), params);
    });

    it('listIdentifiers never throws; a masked identifier shows at most its last three characters — 1,000 runs', () => {
      fc.assert(fc.property(list(identifier, 5), locale, fc.boolean(), fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }), (ids, loc, mask, systems) => {
        const shown = listIdentifiers(ids, loc, { mask, systems });
        expectReadable(shown);
        expectNoBlank(shown, ['label', 'definition', 'value', 'spoken']);
        for (const id of shown) {
          expect(id.label).to.not.match(/:\s*$/); // PAB-0033: no colon after a label
          if (mask) {
            const visible = [...id.value].filter((c) => c !== '•' && !/\s/.test(c));
            expect(visible.length, `masked value ${id.value}`).to.be.at.most(3);
          }
        }
      }), params);
    });

    it('formatDate / parseFhirDate: a date is shown with a month name or not at all, never shifted or "Invalid Date" — 1,000 runs', () => {
      fc.assert(fc.property(maybeWrong(fhirDate, 2), locale, (value, loc) => {
        const parsed = parseFhirDate(value);
        const shown = formatDate(value, loc);
        expect(shown === undefined).to.equal(parsed === undefined);
        if (shown === undefined || parsed === undefined) return;
        expect(shown).to.match(loc === 'en' ? /^(\d{2}-)?([A-Z][a-z]{2}-)?\d{4}$/ : /^(\d{2} )?([a-z]{3,4} )?\d{4}$/);
        expect(shown.endsWith(String(parsed.year).padStart(4, '0'))).to.equal(true);
        if (parsed.day !== undefined) expect(shown.startsWith(String(parsed.day).padStart(2, '0'))).to.equal(true);
      }), params);
    });

    it('ageOn / ageAtDeath / formatAge never throw and never show NaN or a negative age — 1,000 runs', () => {
      fc.assert(fc.property(maybeWrong(fhirDate), maybeWrong(fhirDate), moment, maybeWrong(fhirDate), locale, (birth, death, now, birthTime, loc) => {
        for (const age of [ageOn(birth, now, birthTime), ageAtDeath(birth, death, birthTime)]) {
          const shown = formatAge(age, loc);
          expectReadable({ age, shown });
          if (shown) {
            expect(shown.short).to.match(/^\d+ ?[a-z]+( \d+ ?[a-z]+)?$/);
            expect(shown.long).to.not.match(/-\d/);
          }
        }
      }), params);
    });
  });

  describe('medication', () => {
    const sort: fc.Arbitrary<MedicationSort> = fc.constantFrom('name', 'start', 'status');
    const direction: fc.Arbitrary<SortDirection> = fc.constantFrom('ascending', 'descending');

    it('medicationRows never throws; every row has a name, a status, a source and readable text — 1,000 runs', () => {
      fc.assert(fc.property(fc.array(medicationRecord, { maxLength: 6 }), locale, calendarDay, (records, loc, day) => {
        const rows = medicationRows(records, { locale: loc, today: day });
        expectReadable(rows, ['sources', 'records', 'resource']);
        expectNoBlank(rows.map((r) => ({ name: r.name, statusText: r.statusText, kindText: r.kindText, strength: r.strength, prescriber: r.prescriber })), ['name', 'statusText', 'kindText', 'strength', 'prescriber']);
        for (const row of rows) {
          for (const line of [...row.dosageText, ...row.dosage.flatMap((d) => [d.label, ...d.lines])]) expect(line.trim(), 'dosage line').to.not.equal('');
        }
        expect(new Set(rows.map((r) => r.key)).size, 'row keys are unique').to.equal(rows.length);
      }), params);
    });

    it('sortRows / filterRows / groupRows / visibleRows keep every row and never throw — 1,000 runs', () => {
      fc.assert(fc.property(fc.array(medicationRecord, { maxLength: 6 }), locale, calendarDay, sort, direction, fc.oneof(text, fc.constant('')), fc.boolean(), (records, loc, day, by, dir, query, history) => {
        const rows = medicationRows(records, { locale: loc, today: day });
        const sorted = sortRows(rows, by, dir, loc);
        expect(sorted.length).to.equal(rows.length);
        expect(rows.every((r) => sorted.includes(r))).to.equal(true);
        const filtered = filterRows(sorted, query);
        expect(filtered.every((r) => rows.includes(r))).to.equal(true);
        const visible = visibleRows(sorted, history);
        const groups = groupRows(visible, loc);
        expect(groups.reduce((n, g) => n + g.rows.length, 0)).to.equal(visible.length);
        const counts = countRows(rows);
        expect(counts.current + counts.history + counts.error).to.equal(rows.length);
        expectReadable(groups.map((g) => g.label));
        expectNoBlank(groups.map((g) => ({ label: g.label })), ['label']);
      }), params);
    });

    it('dosageText / timingText: every line is readable text, for any Dosage — 1,000 runs', () => {
      fc.assert(fc.property(list(dosage, 4), locale, fc.option(text), (dosages, loc, rendered) => {
        const lines = dosageText(dosages as Dosage[], loc, rendered === null ? {} : { rendered });
        expectReadable(lines);
        for (const line of lines) expect(line.trim()).to.not.equal('');
        for (const d of Array.isArray(dosages) ? dosages as Dosage[] : []) {
          const timing = d && typeof d === 'object' ? timingText(d.timing, loc) : undefined;
          expectReadable(timing);
        }
      }), params);
    });

    it('formatQuantity / formatRange / formatRatio never throw and never print NaN or "undefined" — 1,000 runs', () => {
      fc.assert(fc.property(quantity, range, ratio, locale, (q, r, ra, loc) => {
        const shown = [formatQuantity(q, loc), formatRange(r, loc), formatRatio(ra, loc)];
        expectReadable(shown);
        for (const s of shown) if (s !== undefined) expect(s.trim()).to.not.equal('');
      }), params);
    });

    it('formatNumber: a leading zero, no trailing zero, no exponent, the locale\'s separators — 1,000 runs', () => {
      fc.assert(fc.property(maybeWrong(number), locale, (value, loc) => {
        const shown = formatNumber(value, loc);
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          expect(shown).to.equal(undefined);
          return;
        }
        expect(shown).to.match(loc === 'en' ? /^-?\d{1,3}(,\d{3})*(\.\d*[1-9])?$/ : /^-?\d+(,\d*[1-9])?$/);
      }), params);
    });
  });

  describe('consent', () => {
    it('summariseConsents never throws; every decision, status and title is readable text — 1,000 runs', () => {
      fc.assert(fc.property(fc.array(consent(), { maxLength: 5 }), locale, calendarDay, (consents, loc, day) => {
        const summaries = summariseConsents(consents, loc, day);
        expectReadable(summaries, ['consent']);
        expectNoBlank(summaries, ['decision', 'statusText', 'title', 'recipient', 'data', 'purpose', 'period', 'recorded', 'performer', 'note'], ['consent']);
        for (const s of summaries) {
          // Only an understood privacy Consent is ever shown as a permit or a deny.
          expect(s.kind).to.equal(classifyConsent(s.consent).kind);
          if (s.kind !== 'unknown') expect(s.consent.provision?.type).to.equal(s.kind);
        }
      }), params);
    });

    const request: fc.Arbitrary<ConsentRequest> = fc.record({
      recipient: fc.record({
        organization: fc.record({ display: text, reference: fc.constantFrom('Organization/o1', 'Organization/o-2') }, { requiredKeys: ['display'] }),
        role: coding,
      }, { requiredKeys: [] }),
      dataClasses: fc.array(coding, { maxLength: 4 }),
      purposes: fc.array(coding, { maxLength: 3 }),
      period: fc.record({ start: fhirDate, end: fhirDate }, { requiredKeys: [] }),
      policy: fc.record({ uri: text, display: text }, { requiredKeys: [] }),
      category: codeableConcept,
    }, { requiredKeys: ['recipient', 'dataClasses', 'purposes'] });

    it('describeRequest / decisionSentence never throw and read as plain sentences — 1,000 runs', () => {
      fc.assert(fc.property(request, fc.constantFrom('permit' as const, 'deny' as const), locale, (req, decision, loc) => {
        const described = describeRequest(req, loc);
        const sentence = decisionSentence(req, decision, loc);
        expectReadable({ described, sentence });
        expectNoBlank(described, ['recipient', 'data', 'purpose', 'period', 'policy']);
        expect(sentence).to.match(/\.$/);
      }), params);
    });

    it('a Consent built for a decision is read back as exactly that decision (the dialog\'s own check) — 1,000 runs', () => {
      fc.assert(fc.property(request, fc.constantFrom('permit' as const, 'deny' as const), fc.uuid(), locale, calendarDay, (req, decision, uuid, loc, day) => {
        const built: Consent = buildConsent({ request: req, decision, patientId: 'p1', identifier: consentIdentifier(uuid), now: new Date('2026-11-22T10:00:00Z') });
        expect(classifyConsent(built).kind).to.equal(decision);
        const [summary] = summariseConsents([built], loc, day);
        expectReadable(summary, ['consent']);
        expect(summary.kind).to.equal(decision);
      }), params);
    });

    it('requestFromAttributes reads any attribute text as a request, or as none — 1,000 runs', () => {
      const attr = fc.option(fc.oneof(text, fc.constantFrom('TREAT', 'TREAT, HRESCH', ',,,', 'constructor', '__proto__', '2027-12-31', '2027-02-30')));
      fc.assert(fc.property(attr, attr, attr, attr, locale, (recipient, purpose, data, until, loc) => {
        const req = requestFromAttributes({ recipient, purpose, data, until });
        if (!req) return;
        expectReadable({ d: describeRequest(req, loc), p: decisionSentence(req, 'permit', loc), n: decisionSentence(req, 'deny', loc) });
      }), params);
    });
  });

  describe('allergies', () => {
    it('allergyStatus gives one of its statuses for any list, and "no known allergies" only from a 716186003 record (PAB-0064) — 1,000 runs', () => {
      const allergy = shape({
        resourceType: fc.constantFrom('AllergyIntolerance', 'Observation'),
        clinicalStatus: shape({ coding: list(shape({ system: fc.constant('http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical'), code: code('active', 'inactive', 'resolved') }), 2) }),
        verificationStatus: shape({ coding: list(shape({ system: fc.constant('http://terminology.hl7.org/CodeSystem/allergyintolerance-verification'), code: code('confirmed', 'refuted', 'entered-in-error', 'unconfirmed') }), 2) }),
        // Any concept, or the SNOMED "no known (drug, food, environmental) allergy" codes.
        code: fc.oneof(codeableConcept, shape({ coding: list(shape({ system: fc.constant('http://snomed.info/sct'), code: code('716186003', '409137002', '429625007', '428607008') }), 2) })),
      });
      fc.assert(fc.property(fc.array(fc.oneof(allergy, junk), { maxLength: 5 }), (items) => {
        const result = allergyStatus(items);
        expect(['known', 'none', 'none-in-categories', 'not-recorded']).to.include(result.status);
        if (result.status === 'none') expect(JSON.stringify(items), 'none needs a 716186003 record').to.contain('"716186003"');
        if (result.status === 'none-in-categories') expect(result.noKnownCategories).to.not.be.empty;
        if (result.status !== 'known') expect(result.allergies).to.be.empty;
      }), params);
    });
  });

  // Inputs the properties above found (shrunk), kept as examples so each stays fixed by name.
  describe('regressions found by the properties', () => {
    const day = { year: 2026, month: 11, day: 22 };
    const rowOf = (resource: Record<string, unknown>) => medicationRows([{ resource: { resourceType: 'MedicationRequest', id: 'x', status: 'active', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Aspirine 80 mg tablet' }, ...resource } as never }], { locale: 'en', today: day })[0];

    it('quantity.ts: a unit or code named like an Object member ("constructor", "toString", "valueOf") is shown as written, not a crash', () => {
      for (const unit of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
        expect(formatQuantity({ value: 2, unit }, 'en')).to.equal(`2\u00a0${unit}`);
        expect(formatQuantity({ value: 2, code: unit, system: 'http://unitsofmeasure.org' }, 'nl')).to.be.a('string');
        expectReadable(dosageText([{ timing: { repeat: { frequency: 1, period: 2, periodUnit: unit as never, duration: 2, durationUnit: unit } } }], 'en'));
      }
    });

    it('dosage.ts: "when" codes and days of the week named like Object members never print "undefined"', () => {
      for (const code of ['constructor', 'toString', '__proto__']) {
        expectReadable(timingText({ repeat: { when: [code], dayOfWeek: [code as never] } }, 'en'));
        expectReadable(timingText({ repeat: { when: [code], dayOfWeek: [code as never] } }, 'nl'));
      }
    });

    it('medication.ts: a category code named like an Object member still names the source ("Medication request")', () => {
      const row = rowOf({ category: [{ coding: [{ system: 'http://snomed.info/sct', code: 'constructor' }] }] });
      expect(row.kindText).to.equal('Medication request');
    });

    it('dosage.ts: Timing.code.coding or doseAndRate.type.coding that is not a list does not throw', () => {
      expect(() => timingText({ code: { coding: {} as never } }, 'en')).to.not.throw();
      expect(() => dosageText([{ doseAndRate: [{ type: { coding: 0 as never }, doseQuantity: { value: 1, unit: 'mg' } }] }], 'en')).to.not.throw();
    });

    it('medication.ts: a period-of-use duration too long for a calendar gives no end date, never "0NaN-NaN-NaN"', () => {
      const row = rowOf({
        extension: [{ url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period', valuePeriod: { start: '2025-01-01' } },
          { url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Duration', valueDuration: { value: 1e9, code: 'd' } }],
      });
      expectReadable(row, ['sources', 'records', 'resource']);
      expect(row.end === undefined || parseFhirDate(row.end) !== undefined, `end ${row.end}`).to.equal(true);
    });

    it('consent.ts: a status or dateTime of the wrong type (an object, "") shows "Not known" and never throws', () => {
      const base = { resourceType: 'Consent', patient: { reference: 'Patient/p1' } };
      const summaries = summariseConsents([
        { ...base, id: 'a', status: Object.create(null) as never },
        { ...base, id: 'b', status: '' as never },
        { ...base, id: 'c', dateTime: Object.create(null) as never },
        { ...base, id: 'd', dateTime: 20250101 as never },
      ] as Consent[], 'en', day);
      expect(summaries).to.have.length(4);
      for (const s of summaries) expect(s.statusText.trim()).to.not.equal('');
    });

    it('identifier.ts: identifier systems that are not a list (a host setting the property to a string) do not throw', () => {
      expect(() => listIdentifiers([{ system: 'http://example.org/mrn', value: 'MRN-1' }], 'en', { systems: 'http://example.org/mrn' as never })).to.not.throw();
    });

    it('date.ts: English dates use three-letter months, "30-Sep-1962" (NHS CUI), not "30-Sept-1962"', () => {
      expect(formatDate('1962-09-30', 'en')).to.equal('30-Sep-1962');
      expect(formatDate('1962-09', 'en')).to.equal('Sep-1962');
    });

    it('name.ts: a given name without letters ("1,0/0,0") in the Dutch style is shown, never an empty name (PAB-0019)', () => {
      const name = formatName({ given: ['1,0/0,0'] }, 'dutch', 'en');
      expect(name === undefined || name.text.trim() !== '').to.equal(true);
    });
  });
});
