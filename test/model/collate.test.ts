import { expect } from '@open-wc/testing';
import { compareAscii, foldName, nameCollator } from '../../src/model/collate.js';

// The ASCII comparer must order names exactly as the browser's own collator does, or the list's
// order would change with the names on it. Compared here in each browser the suite runs.
const sign = (n: number) => Math.sign(n);
const TAGS = ['en-GB', 'nl-NL'];

/** A small deterministic generator (no Math.random: a failure must be reproducible). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const NAMEISH = 'aAbBmMgG0123456789 ,.-/%()';
/** Every letter U+00C0–U+017F, and ASCII around them. */
const LATIN = Array.from({ length: 0x180 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)).join('') + 'aeioAEIO 12';

function randomString(next: () => number, alphabet: string, max: number): string {
  const n = Math.floor(next() * (max + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('name collation', () => {
  for (const tag of TAGS) {
    const intl = new Intl.Collator(tag, { numeric: true, sensitivity: 'base' });

    it(`orders every pair of printable ASCII characters as Intl.Collator(${tag}) does`, () => {
      const wrong: string[] = [];
      for (const a of PRINTABLE) for (const b of PRINTABLE) {
        if (sign(compareAscii(a, b)) !== sign(intl.compare(a, b))) wrong.push(`${a} ${b}`);
      }
      expect(wrong).to.deep.equal([]);
    });

    it(`orders random names with numbers, case and punctuation as Intl.Collator(${tag}) does`, () => {
      const next = prng(tag.length * 7919);
      const wrong: string[] = [];
      for (let i = 0; i < 20000; i++) {
        const alphabet = i % 3 === 0 ? PRINTABLE : NAMEISH;
        const a = randomString(next, alphabet, 12);
        // Half the pairs share a start, so the comparison reaches digits, zeros and ends.
        const b = i % 2 ? a.slice(0, Math.floor(next() * a.length)) + randomString(next, alphabet, 6) : randomString(next, alphabet, 12);
        if (sign(compareAscii(a, b)) !== sign(intl.compare(a, b))) wrong.push(JSON.stringify([a, b]));
      }
      expect(wrong.slice(0, 10)).to.deep.equal([]);
    });

    it(`orders accented Latin names as Intl.Collator(${tag}) does, where it folds them`, () => {
      const next = prng(tag.length * 104729);
      const wrong: string[] = [];
      let folded = 0;
      for (let i = 0; i < 20000; i++) {
        const a = randomString(next, LATIN, 6);
        const b = i % 2 ? a.slice(0, Math.floor(next() * a.length)) + randomString(next, LATIN, 4) : randomString(next, LATIN, 6);
        const fa = foldName(a);
        const fb = foldName(b);
        if (fa === undefined || fb === undefined) continue;
        folded++;
        if (sign(compareAscii(fa, fb)) !== sign(intl.compare(a, b))) wrong.push(JSON.stringify([a, b]));
      }
      expect(wrong.slice(0, 10)).to.deep.equal([]);
      expect(folded).to.be.greaterThan(1000);
    });

    it(`sorts real medication names as Intl.Collator(${tag}) does, and hands other names to it`, () => {
      const names = ['Paracetamol 500 mg tablet', 'paracetamol 1000 mg tablet', 'Paracetamol 50 mg/ml drank', 'Omeprazol 20mg capsule MSR',
        'omeprazol 40 mg', 'Salbutamol 100 microgram/dosis', 'Metformine 500 mg', 'metformine 0500 mg', 'Ácido fólico 5 mg',
        'Zolpidem 10 mg', 'Insuline aspart (NovoRapid) 100 E/ml', 'Amoxicilline/clavulaanzuur 500/125 mg', 'Ibuprofen 400 mg', 'IJzer(II)fumaraat 200 mg', 'Ötztal-zalf',
        'nitrofurantoïne 100 mg', 'Nitrofurantoine 50 mg', 'cafeïne 100 mg', 'Codeïne 10 mg', 'Æther', 'ĳzer', 'Straße'];
      const c = nameCollator(tag);
      expect([...names].sort(c.compare)).to.deep.equal([...names].sort(intl.compare));
      expect(c.compare('Ácido fólico', 'acido folico')).to.equal(0);
      expect(c.compare('metformine 0500 mg', 'Metformine 500 mg')).to.equal(0);
    });
  }
});
