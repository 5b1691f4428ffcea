import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Patient } from '../../src/core/fhir.js';
import { formatGender, notKnown } from '../../src/model/patient.js';
import { formatAddress, formatAddresses, formatContacts, patientBannerView } from '../../src/model/patient-contact.js';

// Fictional people only.
const now = new Date(2026, 10, 22, 10, 0);
const BSN = 'http://fhir.nl/fhir/NamingSystem/bsn';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

const anna: Patient = {
  resourceType: 'Patient',
  id: 'anna',
  name: [{ use: 'official', family: 'Jansen', given: ['Anna', 'Maria'], prefix: ['Mevr.'] }, { use: 'usual', given: ['Ans'] }],
  gender: 'female',
  birthDate: '1965-03-02',
  identifier: [{ system: NHS, value: '9434765919' }, { system: BSN, value: '123456782' }],
  telecom: [{ system: 'phone', value: '020 123 4567', use: 'home', rank: 2 }, { system: 'email', value: 'anna@example.org', rank: 1 }],
  address: [{ use: 'home', line: ['Dorpsstraat 1'], postalCode: '1234 AB', city: 'Testdorp', country: 'NL' }],
};

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]/;

describe('patient model', () => {
  describe('gender', () => {
    it('is localized: Female/Vrouw, Male/Man, Other/Anders, Unknown/Onbekend', () => {
      expect(['female', 'male', 'other', 'unknown'].map((g) => formatGender(g, 'en'))).to.deep.equal(['Female', 'Male', 'Other', 'Unknown']);
      expect(['female', 'male', 'other', 'unknown'].map((g) => formatGender(g, 'nl'))).to.deep.equal(['Vrouw', 'Man', 'Anders', 'Onbekend']);
    });

    it('missing or unreadable shows "Not known" / "Onbekend", never "?" (PAB-0019)', () => {
      for (const g of [undefined, null, '', '?', 42, 'F']) {
        expect(formatGender(g, 'en')).to.equal('Not known');
        expect(formatGender(g, 'nl')).to.equal('Onbekend');
      }
    });
  });

  describe('banner view', () => {
    it('a living patient: name, born with age, gender, primary identifier (BSN before NHS number)', () => {
      const view = patientBannerView(anna, 'en', {}, now);
      expect(view.name?.text).to.equal('JANSEN, Anna Maria (Mevr)');
      expect(view.born).to.equal('02-Mar-1965');
      expect(view.age?.short).to.equal('61y');
      expect(view.deceased).to.equal(undefined);
      expect(view.gender).to.equal('Female');
      expect(view.identifier?.label).to.equal('BSN');
      expect(view.otherIdentifiers.map((i) => i.value)).to.deep.equal(['943 476 5919']);
      expect(view.callName).to.equal('Ans');
    });

    it('period: the banner view shows the current official name, not one whose period ended, at the moment given ("Anna New")', () => {
      const renamed: Patient = {
        ...anna,
        name: [
          { use: 'official', family: 'Old', given: ['Anna'], period: { end: '2001-01-01' } },
          { use: 'official', family: 'New', given: ['Anna'], period: { start: '2001-01-01' } },
          { use: 'usual', given: ['Annie'], period: { end: '2001-01-01' } },
        ],
      };
      expect(patientBannerView(renamed, 'nl', {}, now).name?.text).to.equal('Anna New');
      expect(patientBannerView(renamed, 'en', {}, now).name?.text).to.equal('NEW, Anna');
      // The ended usual name gives no call name.
      expect(patientBannerView(renamed, 'en', {}, now).callName).to.equal(undefined);
      // Before the new name starts the old one holds; from the day after the old one's (date-only,
      // inclusive) end, only the new one is current.
      expect(patientBannerView(renamed, 'nl', {}, new Date(2000, 11, 31, 12)).name?.text).to.equal('Anna (Annie) Old');
      expect(patientBannerView(renamed, 'nl', {}, new Date(2001, 0, 2, 0, 30)).name?.text).to.equal('Anna New');
    });

    it('EN-qualifier BR+CL: the banner view keeps a given name that is official and the call name ("J.M. (Johanna) Putten")', () => {
      const q = (...codes: string[]) => ({ extension: codes.map((valueCode) => ({ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode })) });
      const putten: Patient = { ...anna, name: [{ use: 'official', family: 'Putten', given: ['Johanna', 'Maria'], _given: [q('BR', 'CL'), q('BR')] }] };
      expect(patientBannerView(putten, 'nl', {}, now).name?.text).to.equal('J.M. (Johanna) Putten');
      expect(patientBannerView(putten, 'en', {}, now).name?.text).to.equal('PUTTEN, Johanna Maria');
      expect(patientBannerView(putten, 'en', {}, now).callName).to.equal('Johanna');
    });

    it('BSN elfproef: an invalid BSN stays the shown identifier, with its value, marked valid: false', () => {
      const view = patientBannerView({ ...anna, identifier: [{ system: BSN, value: '123456789' }] }, 'nl', {}, now);
      expect(view.identifier).to.include({ label: 'BSN', value: '123456789', valid: false });
    });

    it('name style defaults per locale and can be chosen', () => {
      expect(patientBannerView(anna, 'nl', {}, now).name?.text).to.equal('Mevr. A.M. (Ans) Jansen');
      expect(patientBannerView(anna, 'nl', { nameStyle: 'nhs' }, now).name?.text).to.equal('JANSEN, Anna Maria (Mevr)');
    });

    it('a missing birth date shows "Not known" / "Onbekend" and no age', () => {
      const view = patientBannerView({ ...anna, birthDate: undefined }, 'en', {}, now);
      expect(view.born).to.equal('Not known');
      expect(view.bornKnown).to.equal(false);
      expect(view.age).to.equal(undefined);
      expect(patientBannerView({ ...anna, birthDate: 'garbage' }, 'nl', {}, now).born).to.equal('Onbekend');
    });

    it('a deceased patient shows the date of death and the age at death, never a living age', () => {
      const view = patientBannerView({ ...anna, deceasedDateTime: '2020-03-01' }, 'en', {}, now);
      expect(view.age).to.equal(undefined);
      expect(view.deceased?.date).to.equal('01-Mar-2020');
      expect(view.deceased?.age?.short).to.equal('54y'); // the day before the 55th birthday
    });

    it('deceasedBoolean without a date: a deceased marker and no age at all', () => {
      const view = patientBannerView({ ...anna, deceasedBoolean: true }, 'en', {}, now);
      expect(view.deceased).to.deep.equal({});
      expect(view.age).to.equal(undefined);
      expect(patientBannerView({ ...anna, deceasedBoolean: false }, 'en', {}, now).age?.short).to.equal('61y');
    });

    it('an unreadable date of death still marks the patient deceased (no living age)', () => {
      const view = patientBannerView({ ...anna, deceasedDateTime: 'sometime' }, 'en', {}, now);
      expect(view.deceased).to.deep.equal({});
      expect(view.age).to.equal(undefined);
    });

    it('masks identifiers when asked, and follows a configured priority', () => {
      const view = patientBannerView(anna, 'en', { maskIdentifier: true, identifierSystems: [NHS] }, now);
      expect(view.identifier?.label).to.equal('NHS No.');
      expect(view.identifier?.value).to.equal('••• ••• •919');
      expect(view.otherIdentifiers[0]?.value).to.equal('••••••782');
    });

    it('no name: "Name not known"; no data at all: every field not known, nothing thrown', () => {
      const view = patientBannerView({ resourceType: 'Patient' }, 'en', {}, now);
      expect(view.name).to.equal(undefined);
      expect(view.nameNotKnown).to.equal('Name not known');
      expect(view.gender).to.equal(notKnown('en'));
      expect(view.identifier).to.equal(undefined);
      expect(() => patientBannerView(null, 'nl', {}, now)).to.not.throw();
    });
  });

  describe('contact details and address', () => {
    it('contact lines by rank with labelled kinds; old, ended and empty ones are left out', () => {
      const lines = formatContacts([
        ...(anna.telecom ?? []),
        { system: 'phone', value: '06 1234 5678', use: 'mobile' },
        { system: 'phone', value: '010 000 0000', use: 'old' },
        { system: 'phone', value: '010 111 1111', period: { end: '2026-11-21' } },
        { system: 'phone', value: '' },
      ], 'en', now);
      expect(lines.map((l) => `${l.label}: ${l.value}`)).to.deep.equal([
        'Email: anna@example.org', 'Phone (home): 020 123 4567', 'Mobile: 06 1234 5678',
      ]);
      expect(formatContacts(anna.telecom, 'nl', now).map((l) => l.label)).to.deep.equal(['E-mail', 'Telefoon (thuis)']);
    });

    it('a contact whose period ends today is still current', () => {
      expect(formatContacts([{ system: 'phone', value: '010 111 1111', period: { end: '2026-11-22' } }], 'en', now)).to.have.length(1);
    });

    it('addresses as on an envelope of their own country: Dutch "1234 AB Testdorp", British city then postcode', () => {
      expect(formatAddress(anna.address?.[0], 'nl')).to.deep.equal({ label: 'Woonadres', lines: ['Dorpsstraat 1', '1234 AB Testdorp', 'NL'] });
      expect(formatAddress(anna.address?.[0], 'en')).to.deep.equal({ label: 'Home address', lines: ['Dorpsstraat 1', '1234 AB Testdorp', 'NL'] });
      expect(formatAddress({ line: ['Kerkstraat 2'], postalCode: '3511ZZ', city: 'Utrecht' }, 'en')?.lines).to.deep.equal(['Kerkstraat 2', '3511ZZ Utrecht']);
      expect(formatAddress({ line: ['1 High Street'], city: 'Leeds', postalCode: 'LS1 4AP' }, 'en')).to.deep.equal({ label: 'Address', lines: ['1 High Street', 'Leeds', 'LS1 4AP'] });
      expect(formatAddress({ line: ['1 High Street'], city: 'Leeds', postalCode: 'LS1 4AP', country: 'United Kingdom' }, 'nl')?.lines)
        .to.deep.equal(['1 High Street', 'Leeds', 'LS1 4AP', 'United Kingdom']);
      expect(formatAddress({ text: 'Kerkplein 3, Testdorp' }, 'en')?.lines).to.deep.equal(['Kerkplein 3, Testdorp']);
      expect(formatAddress({ line: [null, ''] }, 'en')).to.equal(undefined);
    });

    it('old and ended addresses are left out', () => {
      expect(formatAddresses([{ use: 'old', city: 'A' }, { city: 'B', period: { end: '2020-01-01' } }, { city: 'C' }], 'en', now)
        .map((a) => a.lines[0])).to.deep.equal(['C']);
    });
  });

  it('property: the banner view never throws and never holds the forbidden strings, for any patient-shaped input', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('undefined', 'null', 'NaN', '?', '', 'Invalid Date', '1945-07-14', '2024-02-29', '1945', '2020-03-03T10:00:00+01:00'), fc.anything());
    const patient = fc.record({
      resourceType: fc.constant('Patient'),
      name: fc.oneof(fc.array(fc.record({ use: text, family: text, given: fc.oneof(fc.array(text), text), text, prefix: fc.array(text) }, { requiredKeys: [] })), text),
      gender: fc.oneof(fc.constantFrom('female', 'male', 'other', 'unknown'), text),
      birthDate: text,
      deceasedBoolean: fc.oneof(fc.boolean(), text),
      deceasedDateTime: text,
      identifier: fc.oneof(fc.array(fc.record({ system: fc.oneof(fc.constantFrom(BSN, NHS), text), value: text }, { requiredKeys: [] })), text),
      telecom: fc.oneof(fc.array(fc.record({ system: text, value: text, use: text, rank: fc.oneof(fc.integer(), text), period: fc.record({ end: text }) }, { requiredKeys: [] })), text),
      address: fc.oneof(fc.array(fc.record({ use: text, line: fc.oneof(fc.array(text), text), city: text, postalCode: text, text, period: fc.record({ end: text }) }, { requiredKeys: [] })), text),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(patient, fc.anything()), fc.constantFrom('en' as const, 'nl' as const), fc.boolean(), fc.date(), (p, locale, mask, at) => {
        const view = patientBannerView(p, locale, { maskIdentifier: mask }, at);
        for (const s of strings(view)) expect(s).to.not.match(FORBIDDEN);
        expect(view.born.trim()).to.not.equal('');
        expect(view.gender.trim()).to.not.equal('');
        if (view.deceased) expect(view.age).to.equal(undefined);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
