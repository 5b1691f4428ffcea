import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { HumanName } from '../../src/core/fhir.js';
import {
  callName, cleanText, defaultNameStyle, familyName, formatName, formatPatientName, initialsOf, selectName, toNameStyle,
} from '../../src/model/name.js';

// Fictional people only.
const EXT = 'http://hl7.org/fhir/StructureDefinition/';
const part = (name: string, value: string) => ({ url: `${EXT}humanname-${name}`, valueString: value });
const order = (code: string) => ({ url: `${EXT}humanname-assembly-order`, valueCode: code });
const qualifier = (code: string) => ({ extension: [{ url: `${EXT}iso21090-EN-qualifier`, valueCode: code }] });

/** Johanna Petronella Maria van Putten, married to a Van der Giessen, nl-core style. */
function dutchName(assembly: string | undefined, overrides: Partial<HumanName> = {}): HumanName {
  return {
    use: 'official',
    family: 'van Putten-van der Giessen',
    _family: {
      extension: [part('own-prefix', 'van'), part('own-name', 'Putten'), part('partner-prefix', 'van der'), part('partner-name', 'Giessen')],
    },
    given: ['Johanna', 'Petronella', 'Maria', 'J.P.M.', 'Jo'],
    _given: [qualifier('BR'), qualifier('BR'), qualifier('BR'), qualifier('IN'), qualifier('CL')],
    prefix: ['Mevr.'],
    ...(assembly ? { extension: [order(assembly)] } : {}),
    ...overrides,
  };
}

/** What a program writes by mistake: never on screen. */
const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]/;
/** A shown piece of a name has a letter or digit (never "?" or an empty piece). */
const MEANINGFUL = /[\p{L}\p{N}]/u;

describe('name model', () => {
  describe('which name', () => {
    it('the official name wins over usual, usual over the first', () => {
      const official = { use: 'official', family: 'Official' };
      const usual = { use: 'usual', family: 'Usual' };
      const first = { family: 'First' };
      expect(selectName([first, usual, official])).to.equal(official);
      expect(selectName([first, usual])).to.equal(usual);
      expect(selectName([first, { use: 'maiden', family: 'Maiden' }])).to.equal(first);
    });

    it('an old name is used only when there is nothing else', () => {
      const old = { use: 'old', family: 'Old' };
      const nickname = { use: 'nickname', given: ['Nick'] };
      expect(selectName([old, nickname])).to.equal(nickname);
      expect(selectName([old])).to.equal(old);
    });

    it('skips a name with nothing to show, even an official one', () => {
      const usual = { use: 'usual', family: 'Usual' };
      expect(selectName([{ use: 'official', family: '  ', given: [null, ''] }, usual])).to.equal(usual);
      expect(selectName('not a list')).to.equal(undefined);
    });

    it('uses HumanName.text only when the name has no parts', () => {
      expect(formatName({ text: 'Jan de Vries' }, 'dutch', 'nl')?.text).to.equal('Jan de Vries');
      expect(formatName({ text: 'Text wins not', family: 'Parts' }, 'dutch', 'nl')?.text).to.equal('Parts');
    });
  });

  describe('name period (HumanName.period: a name that ended or has not started gives way)', () => {
    // Calendar dates in the browser's own zone: 14 March 2026, mid-afternoon.
    const now = new Date(2026, 2, 14, 15, 0, 0);
    const old = { use: 'official', family: 'Old', given: ['Anna'], period: { end: '2001-01-01' } };
    const current = { use: 'official', family: 'New', given: ['Anna'] };

    it('period: an official name whose period ended is not picked while a current one exists ("Anna New", not "Anna Old")', () => {
      const patient = { resourceType: 'Patient', name: [old, current] };
      expect(selectName(patient.name, now)).to.equal(current);
      expect(formatPatientName(patient, 'dutch', 'nl', now)?.text).to.equal('Anna New');
      expect(formatPatientName(patient, 'nhs', 'en', now)?.text).to.equal('NEW, Anna');
      // Without a moment given, it is now.
      expect(formatPatientName(patient, 'dutch', 'nl')?.text).to.equal('Anna New');
    });

    it('period: a name that has not started yet is not picked while a current one exists', () => {
      const future = { use: 'official', family: 'Later', given: ['Anna'], period: { start: '2026-03-15' } };
      expect(selectName([future, current], now)).to.equal(current);
      expect(selectName([{ ...future, period: { start: '2026-03-14' } }, current], now)?.family).to.equal('Later');
      // A start with a time is a moment: an hour from now has not started.
      expect(selectName([{ ...future, period: { start: new Date(2026, 2, 14, 16, 0).toISOString() } }, current], now)).to.equal(current);
    });

    it('period: an ended usual name does not outrank a current name of another use', () => {
      const usual = { use: 'usual', family: 'Usual', period: { start: '1990', end: '2010-06' } };
      const other = { family: 'Other' };
      expect(selectName([usual, other], now)).to.equal(other);
    });

    it('period: a date-only end lasts all that day (calendar dates, never new Date(string)); a dateTime end is a moment', () => {
      const endsToday = { ...old, period: { end: '2026-03-14' } };
      expect(selectName([endsToday, current], now)).to.equal(endsToday);
      expect(selectName([endsToday, current], new Date(2026, 2, 14, 23, 59))).to.equal(endsToday);
      expect(selectName([endsToday, current], new Date(2026, 2, 15, 0, 1))).to.equal(current);
      const endedAt = { ...old, period: { end: new Date(2026, 2, 14, 14, 0).toISOString() } };
      expect(selectName([endedAt, current], now)).to.equal(current);
    });

    it('period: with only ended names, the most recent one is shown rather than nothing', () => {
      const older = { use: 'official', family: 'Older', period: { end: '1990-05-01' } };
      const recent = { use: 'usual', family: 'Recent', period: { start: '1990-05-01', end: '2010' } };
      const oldUse = { use: 'old', family: 'OldUse' };
      expect(selectName([older, recent, oldUse], now)).to.equal(recent);
      expect(formatPatientName({ name: [old] }, 'dutch', 'nl', now)?.text).to.equal('Anna Old');
    });

    it('period: the call name of a usual name whose period ended is not shown', () => {
      const patient = { name: [current, { use: 'usual', given: ['Ans'], period: { end: '2020-01-01' } }] };
      expect(callName(patient, now)).to.equal(undefined);
      expect(callName({ name: [current, { use: 'usual', given: ['Ans'] }] }, now)).to.equal('Ans');
    });

    it('period: an unreadable bound or an invalid now checks nothing (the old order holds)', () => {
      const odd = { ...old, period: { end: '01-01-2001' } };
      expect(selectName([odd, current], now)).to.equal(odd);
      expect(selectName([old, current], new Date(Number.NaN))).to.equal(old);
    });
  });

  describe('nl-core family name assembly', () => {
    it('NL1 own name; NL2 partner name; NL3 partner-own; NL4 own-partner', () => {
      expect(familyName(dutchName('NL1'))).to.equal('van Putten');
      expect(familyName(dutchName('NL2'))).to.equal('van der Giessen');
      expect(familyName(dutchName('NL3'))).to.equal('van der Giessen-van Putten');
      expect(familyName(dutchName('NL4'))).to.equal('van Putten-van der Giessen');
    });

    it('without an assembly order the family string is leading; without it the own name', () => {
      expect(familyName(dutchName(undefined, { family: 'Putten-Giessen' }))).to.equal('Putten-Giessen');
      expect(familyName(dutchName(undefined, { family: undefined }))).to.equal('van Putten');
    });

    it('falls back to family when the order asks for parts that are missing', () => {
      const name = dutchName('NL3', { _family: { extension: [part('own-name', 'Putten')] }, family: 'Putten' });
      expect(familyName(name)).to.equal('Putten');
    });

    it('falls back to the family string when there are no parts', () => {
      expect(familyName({ family: 'Jansen' })).to.equal('Jansen');
    });
  });

  describe('Dutch style', () => {
    it('title, initials and the assembled family: "Mevr. J.P.M. van Putten-van der Giessen"', () => {
      const name = formatName(dutchName('NL4'), 'dutch', 'nl')!;
      expect(name.text).to.equal('Mevr. J.P.M. (Jo) van Putten-van der Giessen');
      expect(name.family).to.equal('van Putten-van der Giessen');
      expect(name.given).to.equal('J.P.M. (Jo)');
    });

    it('derives initials from birth names (BR) when there are no IN initials, not from the call name', () => {
      const name = dutchName('NL1', { given: ['Johanna', 'Maria', 'Jo'], _given: [qualifier('BR'), null, qualifier('CL')], prefix: [] });
      expect(formatName(name, 'dutch', 'nl')?.text).to.equal('J.M. (Jo) van Putten');
    });

    it('initials: hyphenated names give two, IJ is one letter, initials stay as written', () => {
      expect(initialsOf('Jan-Peter')).to.equal('J.P.');
      expect(initialsOf('IJsbrand')).to.equal('IJ.');
      expect(initialsOf('J.P.')).to.equal('J.P.');
      expect(initialsOf('k')).to.equal('K.');
    });

    it('initials of accented and non-Latin names: the letter as written, dotted initials kept', () => {
      expect(initialsOf('Émile')).to.equal('É.');
      expect(initialsOf('ö')).to.equal('Ö.');
      expect(initialsOf('Ø.Å.')).to.equal('Ø.Å.');
      expect(initialsOf('Ľubomír-Ženo')).to.equal('Ľ.Ž.');
      expect(initialsOf('Αλέξης')).to.equal('Α.');
      expect(initialsOf('-- 42')).to.equal('');
    });

    it('initials are the same for ASCII text as by Unicode letter classes; a name needs a letter or digit of any script', () => {
      // The rules as written with Unicode classes; the model checks ASCII text with ASCII classes.
      const byUnicode = (given: string) => given.split(/[\s-]+/).filter(Boolean).map((word) => {
        if (/^(\p{L}\.)+$/u.test(word)) return word;
        if (/^\p{L}$/u.test(word)) return `${word.toUpperCase()}.`;
        const letters = /^ij/i.test(word) ? 'IJ' : (/\p{L}/u.exec(word)?.[0] ?? '').toUpperCase();
        return letters ? `${letters}.` : '';
      }).join('');
      const ascii = fc.string({ unit: fc.constantFrom(...'aAbZz.-  ij IJ 0 9 \'_,'.split('')), maxLength: 12 });
      fc.assert(fc.property(ascii, (given) => {
        expect(initialsOf(given), JSON.stringify(given)).to.equal(byUnicode(given));
      }), { numRuns: 500 });
      // A name needs a letter or digit, of any script; punctuation alone is no name.
      for (const text of ['ë', 'Testpatiënt', 'Αλέξης', '42', '٣']) expect(cleanText(text), text).to.equal(text);
      for (const text of ['—', '…', '-- .', '’']) expect(cleanText(text), text).to.equal(undefined);
    });

    it('a family name that opens the name starts with a capital: "Van Putten"', () => {
      expect(formatName({ family: 'van Putten' }, 'dutch', 'nl')?.text).to.equal('Van Putten');
    });

    it('given names with no letter for an initial are shown as written, never an empty name', () => {
      expect(formatName({ given: ['0'] }, 'dutch', 'nl')?.text).to.equal('0');
      expect(formatName({ given: ['0'], family: 'Jansen' }, 'dutch', 'nl')?.text).to.equal('0 Jansen');
    });

    it('a name with only a call name shows it whole', () => {
      expect(formatName({ family: 'Jansen', given: ['Jo'], _given: [qualifier('CL')] }, 'dutch', 'nl')?.text).to.equal('Jo Jansen');
    });
  });

  describe('iso21090-EN-qualifier: a set per given name (nl-core, CLINICAL.md)', () => {
    const both = (...codes: string[]) => ({ extension: codes.map((code) => ({ url: `${EXT}iso21090-EN-qualifier`, valueCode: code })) });
    const putten = (first: ReturnType<typeof both>): HumanName => ({
      use: 'official', family: 'Putten', given: ['Johanna', 'Maria'], _given: [first, both('BR')],
    });

    it('EN-qualifier BR+CL: a given name that is official (BR) and the call name (CL) stays an official given name: "J.M. (Johanna) Putten"', () => {
      for (const first of [both('BR', 'CL'), both('CL', 'BR'), both('cl', ' br ')]) {
        expect(formatName(putten(first), 'dutch', 'nl')?.text).to.equal('J.M. (Johanna) Putten');
        expect(formatName(putten(first), 'dutch', 'en')?.given).to.equal('J.M. (Johanna)');
      }
    });

    it('EN-qualifier BR+CL in the NHS style (PAB-0049): "PUTTEN, Johanna Maria"', () => {
      expect(formatName(putten(both('BR', 'CL')), 'nhs', 'en')?.text).to.equal('PUTTEN, Johanna Maria');
      expect(formatName(putten(both('CL', 'BR')), 'nhs', 'nl')?.text).to.equal('PUTTEN, Johanna Maria');
    });

    it('EN-qualifier BR+CL: that given name is also the call name', () => {
      expect(callName({ name: [putten(both('BR', 'CL'))] })).to.equal('Johanna');
    });

    it('EN-qualifier CL alone is still only the call name; IN still gives the initials', () => {
      expect(formatName(putten(both('CL')), 'dutch', 'nl')?.text).to.equal('Maria (Johanna) Putten');
      expect(formatName(putten(both('CL')), 'nhs', 'en')?.text).to.equal('PUTTEN, Maria');
      const withInitials = { ...putten(both('BR', 'CL')), given: ['Johanna', 'Maria', 'J.M.'], _given: [both('BR', 'CL'), both('BR'), both('IN')] };
      expect(formatName(withInitials, 'dutch', 'nl')?.text).to.equal('J.M. (Johanna) Putten');
    });
  });

  describe('NHS style (PAB-0049, NID-0003/0007/0010/0012)', () => {
    it('FAMILY, Given (Title): family upper case, given names in full, title in brackets without a full stop', () => {
      const name = formatName(dutchName('NL4'), 'nhs', 'en')!;
      expect(name.text).to.equal('VAN PUTTEN-VAN DER GIESSEN, Johanna Petronella Maria (Mevr)');
      expect(name.title).to.equal('(Mevr)');
      expect(name.text).to.not.contain('.');
    });

    it('given names in title case when written all upper or lower case; mixed case is kept', () => {
      expect(formatName({ family: 'smith', given: ['MARY-ANNE', 'o’neill'] }, 'nhs', 'en')?.text).to.equal('SMITH, Mary-Anne O’Neill');
      expect(formatName({ family: 'Mcdonald', given: ['DeShawn'] }, 'nhs', 'en')?.given).to.equal('DeShawn');
    });

    it('shows initials when that is all there is', () => {
      expect(formatName({ family: 'Jansen', given: ['J.'], _given: [qualifier('IN')] }, 'nhs', 'en')?.text).to.equal('JANSEN, J.');
    });

    it('a name without given names is the family alone, without a dangling comma', () => {
      expect(formatName({ family: 'Jansen', prefix: ['Dr.'] }, 'nhs', 'en')?.text).to.equal('JANSEN (Dr)');
    });

    it('PAB-0049: the title in title case whatever its case in the data: mevr. → (Mevr), DR. → (Dr), prof.dr. → (Prof Dr)', () => {
      expect(formatName({ family: 'Jansen', given: ['Anna'], prefix: ['mevr.'] }, 'nhs', 'en')?.text).to.equal('JANSEN, Anna (Mevr)');
      expect(formatName({ family: 'Jansen', given: ['Anna'], prefix: ['mevr.'] }, 'nhs', 'nl')?.title).to.equal('(Mevr)');
      expect(formatName({ family: 'Jansen', prefix: ['DR.'] }, 'nhs', 'en')?.title).to.equal('(Dr)');
      expect(formatName({ family: 'Jansen', prefix: ['prof.dr.'] }, 'nhs', 'nl')?.title).to.equal('(Prof Dr)');
      // Mixed case is kept as written; the Dutch style keeps the title as written.
      expect(formatName({ family: 'Jansen', prefix: ['PhD'] }, 'nhs', 'en')?.title).to.equal('(PhD)');
      expect(formatName({ family: 'Jansen', given: ['Anna'], prefix: ['mevr.'] }, 'dutch', 'nl')?.text).to.equal('mevr. Anna Jansen');
    });
  });

  describe('structure for emphasis', () => {
    it('gives segments in display order with the family marked, joining to the text', () => {
      for (const style of ['dutch', 'nhs'] as const) {
        const name = formatName(dutchName('NL4'), style, 'en')!;
        expect(name.segments.map((s) => s.value).join('')).to.equal(name.text);
        expect(name.segments.filter((s) => s.kind === 'family').map((s) => s.value)).to.deep.equal([name.family]);
      }
      expect(formatName(dutchName('NL4'), 'nhs', 'en')!.segments[0]).to.deep.equal({ kind: 'family', value: 'VAN PUTTEN-VAN DER GIESSEN' });
    });
  });

  describe('call name', () => {
    it('comes from a CL-qualified given name in the shown name', () => {
      expect(callName({ name: [dutchName('NL1')] })).to.equal('Jo');
    });

    it('else from a second name with use usual', () => {
      expect(callName({ name: [{ use: 'official', family: 'Jansen', given: ['Johannes'] }, { use: 'usual', given: ['Hans'] }] })).to.equal('Hans');
    });

    it('is absent when there is none', () => {
      expect(callName({ name: [{ use: 'official', family: 'Jansen', given: ['Johannes'] }] })).to.equal(undefined);
    });
  });

  it('default style: dutch for nl, nhs for en; the name-style attribute value is read strictly', () => {
    expect(defaultNameStyle('nl')).to.equal('dutch');
    expect(defaultNameStyle('en')).to.equal('nhs');
    expect(toNameStyle(' NHS ')).to.equal('nhs');
    expect(toNameStyle('french')).to.equal(undefined);
  });

  describe('text from data', () => {
    it('treats placeholders and punctuation-only values as missing (never "?", "null", "undefined" on screen)', () => {
      for (const value of ['?', '??', ' - ', 'null', 'undefined', 'NaN', '[object Object]', 'Invalid Date', '', '   ', 42, {}, null]) {
        expect(cleanText(value), JSON.stringify(value)).to.equal(undefined);
      }
      expect(formatName({ family: 'null', given: ['?'] }, 'nhs', 'en')).to.equal(undefined);
    });

    it('drops bidi overrides and control characters that would make a name read differently', () => {
      expect(cleanText('Jan\u202Esneaj\u202C')).to.equal('Jansneaj');
      expect(cleanText('de\u0000 Vries\n')).to.equal('de Vries');
    });

    it('keeps markup-like text as text (the component renders it as text)', () => {
      expect(formatName({ family: '<img src=x onerror=alert(1)>' }, 'dutch', 'nl')?.family).to.equal('<img src=x onerror=alert(1)>');
    });
  });

  it('property: names never throw and never contain the forbidden strings, for any (wrong-shaped) input', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('undefined', 'null', 'NaN', '?', '[object Object]', 'Invalid Date', '', ' '), fc.anything());
    const ext = fc.record({ url: fc.constantFrom(`${EXT}humanname-own-name`, `${EXT}humanname-own-prefix`, `${EXT}humanname-partner-name`, `${EXT}humanname-partner-prefix`, `${EXT}humanname-assembly-order`, `${EXT}iso21090-EN-qualifier`), valueString: text, valueCode: fc.oneof(fc.constantFrom('NL1', 'NL2', 'NL3', 'NL4', 'IN', 'BR', 'CL'), text) }, { requiredKeys: [] });
    const name = fc.oneof(
      fc.record({
        use: fc.oneof(fc.constantFrom('official', 'usual', 'old', 'nickname'), text),
        text, family: text, given: fc.oneof(fc.array(text), text),
        _given: fc.oneof(fc.array(fc.oneof(fc.constant(null), fc.record({ extension: fc.array(ext) }))), text),
        _family: fc.oneof(fc.record({ extension: fc.oneof(fc.array(ext), text) }), text),
        prefix: fc.oneof(fc.array(text), text), suffix: fc.array(text),
        extension: fc.oneof(fc.array(ext), text),
        period: fc.oneof(fc.record({ start: fc.oneof(fc.constantFrom('2001-01-01', '2099', '2020-02-30', '2001-01-01T10:00:00Z'), text), end: fc.oneof(fc.constantFrom('2001-01-01', '2099-12', '2001-01-01T10:00:00+01:00'), text) }, { requiredKeys: [] }), text),
      }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(name), name), fc.constantFrom('dutch' as const, 'nhs' as const), fc.constantFrom('en' as const, 'nl' as const), (names, style, locale) => {
        const patient = { resourceType: 'Patient', name: names };
        const formatted = formatPatientName(patient, style, locale);
        if (formatted) {
          expect(formatted.text.trim()).to.not.equal('');
          expect(formatted.text).to.not.match(FORBIDDEN);
          for (const s of formatted.segments) {
            if (s.kind !== 'separator') expect(s.value).to.match(MEANINGFUL);
          }
        }
        const call = callName(patient);
        if (call !== undefined) expect(call).to.not.match(FORBIDDEN);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
