/**
 * Sentence boundaries by the rules of Unicode UAX #29 (SB1-SB11), written out by hand: the same
 * boundaries Intl.Segmenter ("en", sentence) gives, without its per-call and per-boundary cost. Only
 * the characters around a full stop, question or exclamation mark (or a paragraph separator) are
 * classified; everything else is skipped by one regex search. Identical to Intl.Segmenter on every
 * cited paragraph of the eLife and PLOS corpora (test/extract/perf-boundaries.test.ts) and on random
 * text (boundaries.test.ts); icu.ts keeps the segmenter itself for those comparisons.
 */

// Sentence_Break classes (UAX #29 table 4), as small numbers.
const OTHER = 0;
const SEP = 1; // LF, CR, NEL, LS, PS (CR LF counts as one)
const SP = 2;
const LOWER = 3;
const UPPER = 4;
const OLETTER = 5;
const NUMERIC = 6;
const ATERM = 7;
const STERM = 8;
const CLOSE = 9;
const SCONTINUE = 10;
const EXTEND = 11; // Extend and Format: ignored after the character they follow (SB5)

const RE_SEP = /[\n\r\u0085\u2028\u2029]/;
const RE_ATERM = /[.\u2024\uFE52\uFF0E]/;
const RE_STERM = /\p{Sentence_Terminal}/u;
const RE_EXTEND = /[\p{Grapheme_Extend}\p{Mc}\u200D\p{Cf}]/u;
const RE_SP = /[\t\x0B\x0C \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const RE_LOWER = /\p{Lowercase}/u;
const RE_UPPER = /[\p{Uppercase}\p{Lt}]/u;
const RE_OLETTER = /\p{Alphabetic}/u;
const RE_NUMERIC = /\p{Nd}/u;
const RE_CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u00AB\u00BB]/u;
const RE_SCONTINUE =
  /[,\-:;\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/;

/** The Sentence_Break class of one character (given as a string of one code point). */
function classify(c: string): number {
  if (RE_SEP.test(c)) return SEP;
  if (RE_ATERM.test(c)) return ATERM;
  if (RE_STERM.test(c)) return STERM;
  if (RE_EXTEND.test(c)) return EXTEND;
  if (RE_SP.test(c)) return SP;
  if (RE_LOWER.test(c)) return LOWER;
  if (RE_UPPER.test(c)) return UPPER;
  if (RE_OLETTER.test(c)) return OLETTER;
  if (RE_NUMERIC.test(c)) return NUMERIC;
  if (RE_CLOSE.test(c)) return CLOSE;
  if (RE_SCONTINUE.test(c)) return SCONTINUE;
  return OTHER;
}

/** Classes of the Basic Multilingual Plane, filled on first sight (255: not yet known). */
const BMP = new Uint8Array(0x10000).fill(255);
const ASTRAL = new Map<number, number>();

/** The class of the code point `cp`. */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = BMP[cp] as number;
    if (k === 255) {
      k = classify(String.fromCharCode(cp));
      // Surrogates stay unknown, so the fast loop in `sentenceCuts` always reads a pair whole.
      if (cp < 0xd800 || cp > 0xdfff) BMP[cp] = k;
    }
    return k;
  }
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    ASTRAL.set(cp, k);
  }
  return k;
}

/** The class at code unit `i` (an astral code point is read whole; a lone surrogate is OTHER). */
function at(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? classOf(text.codePointAt(i) as number) : classOf(c);
}

/** The index after the code point at `i`. */
function next(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/** The first index at or after `i` that is not Extend/Format. */
function skipExtend(text: string, i: number): number {
  const n = text.length;
  while (i < n && at(text, i) === EXTEND) i = next(text, i);
  return i;
}

/** After a separator at `i`: its end (CR LF is one). */
function afterSep(text: string, i: number): number {
  return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

/** The class of the last character before `i` that is not Extend/Format, or -1. */
function before(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    const d = j > 0 ? text.charCodeAt(j - 1) : 0;
    const start = c >= 0xdc00 && c <= 0xdfff && d >= 0xd800 && d <= 0xdbff ? j - 1 : j;
    const k = at(text, start);
    if (k !== EXTEND) return k;
    j = start - 1;
  }
  return -1;
}

/** The boundaries (segment starts after 0 and before the end) of `text`, as Intl.Segmenter gives them. */
export function sentenceCuts(text: string): number[] {
  const n = text.length;
  const out: number[] = [];
  let i = 0;
  while (i < n) {
    // Fast path: most characters are known BMP characters that end nothing.
    let k = BMP[text.charCodeAt(i)] as number;
    if (k === 255) k = at(text, i);
    else if (k !== SEP && k !== ATERM && k !== STERM) {
      i++;
      continue;
    }
    if (k === SEP) {
      const b = afterSep(text, i);
      if (b < n) out.push(b);
      i = b;
      continue;
    }
    if (k !== ATERM && k !== STERM) {
      i = next(text, i);
      continue;
    }
    let j = skipExtend(text, next(text, i));
    if (k === ATERM && j < n) {
      const kj = at(text, j);
      if (kj === NUMERIC) {
        i = j; // SB6: "3.5"
        continue;
      }
      if (kj === UPPER) {
        const kb = before(text, i);
        if (kb === UPPER || kb === LOWER) {
          i = j; // SB7: "U.S"
          continue;
        }
      }
    }
    while (j < n && at(text, j) === CLOSE) j = skipExtend(text, next(text, j)); // SB9
    while (j < n && at(text, j) === SP) j = skipExtend(text, next(text, j)); // SB10
    if (j >= n) break;
    if (k === ATERM && lowerFollows(text, j)) {
      i = j; // SB8: "e.g. the"
      continue;
    }
    const kj = at(text, j);
    if (kj === SCONTINUE || kj === ATERM || kj === STERM) {
      i = j; // SB8a
      continue;
    }
    if (kj === SEP) {
      const b = afterSep(text, j);
      if (b < n) out.push(b);
      i = b;
      continue;
    }
    out.push(j); // SB11
    i = j;
  }
  return out;
}

/** SB8: whether the first letter, separator or terminator at or after `j` is a lower-case letter. */
function lowerFollows(text: string, j: number): boolean {
  const n = text.length;
  for (let m = j; m < n; m = next(text, m)) {
    const k = at(text, m);
    if (k === LOWER) return true;
    if (k === OLETTER || k === UPPER || k === SEP || k === ATERM || k === STERM) return false;
  }
  return false;
}

/** The boundaries of each text. */
export function sentenceCutsMany(texts: readonly string[]): number[][] {
  return texts.map(sentenceCuts);
}
