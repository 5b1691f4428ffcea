import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_IDENTIFIER_SYSTEMS, formatIdentifier, identifierKind, isValidBsn, isValidNhsNumber, listIdentifiers,
  parseSystemList, primaryIdentifier,
} from '../../src/model/identifier.js';

// Fictional numbers: 123456782 and 012345672 pass the elfproef, 9434765919 the NHS check.
const BSN = 'http://fhir.nl/fhir/NamingSystem/bsn';
const BSN_OID = 'urn:oid:2.16.840.1.113883.2.4.6.3';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const MRN = 'https://ziekenhuis.example/patientnummer';

const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]/;

describe('identifier model', () => {
  describe('labels', () => {
    it('BSN by its URL, its OID with urn:oid:, and the bare OID, labelled "BSN"', () => {
      for (const system of [BSN, BSN_OID, '2.16.840.1.113883.2.4.6.3', `${BSN}/`]) {
        expect(identifierKind(system), system).to.equal('bsn');
        expect(formatIdentifier({ system, value: '123456782' }, 'en')?.label).to.equal('BSN');
      }
    });

    it('an NHS number is labelled "NHS No." (no colon, PAB-0042), "NHS-nr." in Dutch', () => {
      expect(formatIdentifier({ system: NHS, value: '9434765919' }, 'en')?.label).to.equal('NHS No.');
      expect(formatIdentifier({ system: NHS, value: '9434765919' }, 'nl')?.label).to.equal('NHS-nr.');
    });

    it('other systems: the type text, else the coding display, else "ID" — never an empty label', () => {
      expect(formatIdentifier({ system: MRN, value: 'Z123', type: { text: 'Patiëntnummer' } }, 'nl')?.label).to.equal('Patiëntnummer');
      expect(formatIdentifier({ system: MRN, value: 'Z123', type: { coding: [{ display: 'Medical record number' }] } }, 'en')?.label).to.equal('Medical record number');
      expect(formatIdentifier({ system: MRN, value: 'Z123', type: { text: '  ' } }, 'en')?.label).to.equal('ID');
      expect(formatIdentifier({ system: MRN, value: 'Z123', type: { text: 'MRN:' } }, 'en')?.label).to.equal('MRN');
      expect(formatIdentifier({ value: 'Z123' }, 'en')?.label).to.equal('ID');
    });

    it('every label has a definition for its tooltip (PAB-0047)', () => {
      for (const system of [BSN, NHS, MRN]) {
        expect(formatIdentifier({ system, value: '123456782' }, 'en')?.definition).to.match(/\p{L}{3}/u);
      }
    });
  });

  describe('values', () => {
    it('an NHS number is spaced 3-3-4: 943 476 5919', () => {
      expect(formatIdentifier({ system: NHS, value: '9434765919' }, 'en')?.value).to.equal('943 476 5919');
      expect(formatIdentifier({ system: NHS, value: '943-476-5919' }, 'en')?.value).to.equal('943 476 5919');
    });

    it('a BSN is spaced 4-2-3 (123456782); an 8-digit BSN gets back its leading zero', () => {
      expect(formatIdentifier({ system: BSN, value: '123456782' }, 'nl')?.value).to.equal('123456782');
      expect(formatIdentifier({ system: BSN, value: '12345672' }, 'nl')?.value).to.equal('012345672');
    });

    it('a value that is not the expected digits is shown as written, not reshaped', () => {
      expect(formatIdentifier({ system: NHS, value: '94347659' }, 'en')?.value).to.equal('94347659');
      expect(formatIdentifier({ system: BSN, value: 'ABC-123' }, 'en')?.value).to.equal('ABC-123');
    });

    it('checks the BSN elfproef and the NHS modulus 11', () => {
      expect(isValidBsn('123456782')).to.equal(true);
      expect(isValidBsn('123456781')).to.equal(false);
      expect(isValidBsn('000000000')).to.equal(false);
      expect(isValidNhsNumber('9434765919')).to.equal(true);
      expect(isValidNhsNumber('9434765918')).to.equal(false);
      expect(formatIdentifier({ system: BSN, value: '123456781' }, 'en')?.valid).to.equal(false);
    });

    it('BSN elfproef: 123456789 and 000000000 keep their value (123456789) and are marked not valid', () => {
      const wrong = formatIdentifier({ system: BSN, value: '123456789' }, 'nl')!;
      expect(wrong.value).to.equal('123456789');
      expect(wrong.valid).to.equal(false);
      expect(formatIdentifier({ system: BSN_OID, value: '000000000' }, 'en')).to.include({ value: '000000000', valid: false });
      expect(formatIdentifier({ system: BSN, value: '123456782' }, 'en')?.valid).to.equal(true);
      // Masked, the check still says so (the warning gives no digit away).
      expect(formatIdentifier({ system: BSN, value: '123456789' }, 'en', { mask: true })?.valid).to.equal(false);
    });

    it('BSN elfproef / NHS modulus 11: a value in the BSN or NHS system without the digits such a number has is not valid, and is shown as written', () => {
      expect(formatIdentifier({ system: BSN, value: 'ABC-123' }, 'en')).to.include({ value: 'ABC-123', valid: false });
      expect(formatIdentifier({ system: BSN, value: '1234567' }, 'en')?.valid).to.equal(false);
      expect(formatIdentifier({ system: NHS, value: '94347659' }, 'en')).to.include({ value: '94347659', valid: false });
      // Other systems are not checked.
      expect(formatIdentifier({ system: MRN, value: 'Z123' }, 'en')?.valid).to.equal(undefined);
    });
  });

  describe('which identifier', () => {
    const identifiers = [
      { system: MRN, value: 'Z123' },
      { system: NHS, value: '9434765919' },
      { system: BSN_OID, value: '123456782' },
    ];

    it('default priority: BSN (either system) first, then NHS number, then the first with a value', () => {
      expect(DEFAULT_IDENTIFIER_SYSTEMS).to.include(BSN);
      expect(primaryIdentifier(identifiers, 'en')?.label).to.equal('BSN');
      expect(primaryIdentifier(identifiers.slice(0, 2), 'en')?.label).to.equal('NHS No.');
      expect(primaryIdentifier(identifiers.slice(0, 1), 'en')?.value).to.equal('Z123');
    });

    it('a configured priority list decides the order', () => {
      expect(primaryIdentifier(identifiers, 'en', { systems: [NHS, BSN] })?.label).to.equal('NHS No.');
      expect(primaryIdentifier(identifiers, 'en', { systems: [MRN] })?.value).to.equal('Z123');
      // BSN listed by URL also ranks a BSN written with the OID.
      expect(primaryIdentifier(identifiers, 'en', { systems: [BSN, NHS] })?.label).to.equal('BSN');
    });

    it('skips identifiers without a value', () => {
      const list = [{ system: BSN }, { system: BSN, value: '  ' }, { system: BSN, value: null }, { system: NHS, value: '9434765919' }];
      expect(primaryIdentifier(list, 'en')?.label).to.equal('NHS No.');
      expect(listIdentifiers(list, 'en')).to.have.length(1);
    });

    it('shows duplicates once (same system and value, BSN by URL or OID, with or without leading zero)', () => {
      const list = [
        { system: BSN, value: '123456782' }, { system: BSN_OID, value: '123456782' }, { system: BSN, value: '123456782' },
        { system: BSN, value: '12345672' }, { system: BSN_OID, value: '012345672' },
      ];
      expect(listIdentifiers(list, 'en').map((i) => i.value)).to.deep.equal(['123456782', '012345672']);
    });

    it('BSN elfproef: within one system a BSN that passes comes before one that fails, whatever the data order', () => {
      const list = [{ system: BSN, value: '123456789' }, { system: BSN_OID, value: '123456782' }];
      expect(primaryIdentifier(list, 'en')).to.include({ value: '123456782', valid: true });
      expect(listIdentifiers(list, 'en').map((i) => i.valid)).to.deep.equal([true, false]);
      const nhs = [{ system: NHS, value: '9434765918' }, { system: NHS, value: '9434765919' }];
      expect(primaryIdentifier(nhs, 'en')?.value).to.equal('943 476 5919');
    });

    it('BSN elfproef: across systems the priority holds; an invalid BSN is shown (flagged valid: false), not silently replaced', () => {
      const list = [{ system: MRN, value: 'Z123' }, { system: NHS, value: '9434765919' }, { system: BSN, value: '123456789' }];
      expect(primaryIdentifier(list, 'en')).to.include({ label: 'BSN', value: '123456789', valid: false });
      expect(primaryIdentifier(list.slice(2), 'en')).to.include({ label: 'BSN', valid: false });
      // A listed order still decides.
      expect(primaryIdentifier(list, 'en', { systems: [NHS, BSN] })?.label).to.equal('NHS No.');
    });

    it('an old identifier comes last', () => {
      const list = [{ system: BSN, value: '012345672', use: 'old' }, { system: BSN, value: '123456782' }];
      expect(primaryIdentifier(list, 'en')?.value).to.equal('123456782');
    });

    it('reads the identifier-systems attribute as a space- or comma-separated list', () => {
      expect(parseSystemList(`${NHS} ${BSN},${MRN}`)).to.deep.equal([NHS, BSN, MRN]);
      expect(parseSystemList('  ')).to.equal(undefined);
    });
  });

  describe('masking', () => {
    it('keeps the last 3 digits and says it is masked: ••••••782', () => {
      const masked = formatIdentifier({ system: BSN, value: '123456782' }, 'en', { mask: true })!;
      expect(masked.value).to.equal('••••••782');
      expect(masked.value).to.not.contain('1234');
      expect(masked.spoken).to.equal('masked, ends in 7 8 2');
      expect(masked.masked).to.equal(true);
      expect(formatIdentifier({ system: NHS, value: '9434765919' }, 'nl', { mask: true })?.value).to.equal('••• ••• •919');
      expect(formatIdentifier({ system: NHS, value: '9434765919' }, 'nl', { mask: true })?.spoken).to.equal('afgeschermd, eindigt op 9 1 9');
    });

    it('a short value is masked whole and its ending is not read out', () => {
      const masked = formatIdentifier({ system: MRN, value: 'A12' }, 'en', { mask: true })!;
      expect(masked.value).to.equal('•••');
      expect(masked.spoken).to.equal('masked');
    });
  });

  it('property: identifiers never throw, never have an empty label or value, never the forbidden strings', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^\d{8,10}$/), fc.constantFrom('undefined', 'null', 'NaN', '?', '', '[object Object]'), fc.anything());
    const identifier = fc.oneof(
      fc.record({
        system: fc.oneof(fc.constantFrom(BSN, BSN_OID, NHS, MRN), text),
        value: text,
        use: fc.oneof(fc.constantFrom('old', 'usual'), text),
        type: fc.oneof(fc.record({ text, coding: fc.oneof(fc.array(fc.record({ display: text })), text) }, { requiredKeys: [] }), text),
      }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(identifier), fc.anything()), fc.option(fc.array(text)), fc.boolean(), fc.constantFrom('en' as const, 'nl' as const), (list, systems, mask, locale) => {
        const shown = listIdentifiers(list, locale, { systems: systems as string[] | undefined, mask });
        for (const id of shown) {
          for (const value of [id.label, id.value, id.spoken, id.definition]) {
            expect(value.trim()).to.not.equal('');
            expect(value).to.not.match(FORBIDDEN);
          }
          expect(id.label).to.not.match(/:$/);
          if (mask && id.value.replace(/[•\s]/g, '').length > 3) expect.fail(`masked value shows too much: ${id.value}`);
        }
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
