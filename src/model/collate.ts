// Name order without paying for ICU when it is not needed. The first Intl.Collator a page creates
// loads the collation tables (in Chromium, several milliseconds up to tens of them on a busy
// machine), which was the largest single cost of a short medication list's first render. Names
// made of printable ASCII and Latin letters with accents (nitrofurantoïne) — nearly all medication
// names — are compared here with the same result as
// `new Intl.Collator('en-GB' | 'nl-NL', { numeric: true, sensitivity: 'base' })`: the CLDR root
// order, which neither locale tailors, where accents do not count at this strength. Anything else
// goes to that collator, created on first need. test/model/collate.test.ts compares both.

/** The CLDR root primary order of printable ASCII, digits excluded (they compare by value). */
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
/** Primary weight per char code 0x20–0x7e; digits sit between '$' and the letters; case is ignored. */
const WEIGHT = new Uint8Array(128);
for (let i = 0; i < ORDER.length; i++) WEIGHT[ORDER.charCodeAt(i)] = i + 1;
const DIGIT = ORDER.length + 1;
for (let c = 48; c <= 57; c++) WEIGHT[c] = DIGIT;
for (let c = 0; c < 26; c++) WEIGHT[65 + c] = WEIGHT[97 + c] = DIGIT + 1 + c;

/**
 * U+00C0–U+017F: the base letter of each accented Latin letter (its canonical decomposition
 * without the combining marks), '.' where there is none (Æ, ß, Ø, ĳ, …: left to ICU).
 */
const LATIN = 'aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.';
const ASCII = /^[\x20-\x7e]*$/;
/** ICU reads at most 254 digits as one number; such runs are left to ICU. */
const LONG_NUMBER = /\d{100}/;

/** The name as printable ASCII with the same primary collation, or undefined when there is none. */
export function foldName(s: string): string | undefined {
  let out = s;
  if (!ASCII.test(s)) {
    out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) out += s[i];
      else if (c >= 0xc0 && c <= 0x17f && LATIN[c - 0xc0] !== '.') out += LATIN[c - 0xc0];
      else return undefined;
    }
    // A combining mark after the letter (decomposed text) is not handled here.
  }
  return LONG_NUMBER.test(out) ? undefined : out;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Compares two printable-ASCII strings as the collator above does (primary strength, numeric). */
export function compareAscii(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // A run of digits is one number: leading zeros do not count, then more digits is larger.
      while (i < a.length && a.charCodeAt(i) === 48) i++;
      while (j < b.length && b.charCodeAt(j) === 48) j++;
      let ea = i;
      let eb = j;
      while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
      while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
      if (ea - i !== eb - j) return ea - i < eb - j ? -1 : 1;
      for (; i < ea; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d) return d < 0 ? -1 : 1;
      }
      j = eb;
      continue;
    }
    const d = WEIGHT[ca] - WEIGHT[cb];
    if (d) return d < 0 ? -1 : 1;
    i++;
    j++;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}

/** What sorting names needs of a collator. */
export interface NameCollator {
  /** Bound: can be passed to `Array.prototype.sort` as it is. */
  readonly compare: (a: string, b: string) => number;
}

/**
 * A name comparer for a BCP 47 tag (`en-GB`, `nl-NL`): numeric, case- and accent-insensitive.
 * ASCII and accented Latin names are compared without ICU; the Intl.Collator is made only when a name needs it.
 */
export function nameCollator(tag: string): NameCollator {
  let intl: Intl.Collator | undefined;
  // Each name is folded once (names are compared about log n times each when sorted).
  let folded = new Map<string, string | null>();
  const fold = (s: string): string | null => {
    let f = folded.get(s);
    if (f === undefined) {
      if (folded.size > 10000) folded = new Map();
      f = foldName(s) ?? null;
      folded.set(s, f);
    }
    return f;
  };
  return {
    compare: (a: string, b: string): number => {
      const fa = fold(a);
      const fb = fa === null ? null : fold(b);
      if (fa !== null && fb !== null) return compareAscii(fa, fb);
      intl ??= new Intl.Collator(tag, { numeric: true, sensitivity: 'base' });
      return intl.compare(a, b);
    },
  };
}
