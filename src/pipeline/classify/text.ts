/**
 * Tokenizes the text of a statement in one pass over its characters, without building strings: each
 * token is a 30-bit hash of its lower-cased characters plus its offsets in the text. The target
 * citation (`<<...>>`) becomes one {@link TARGET} token; every other citation (a bracket group holding
 * a year or reference numbers, or a year in running text as in "Smith et al., 2010") becomes one
 * {@link OTHER_CITATION} token; numbers become {@link NUMBER}; "didn't" gives "didn", "not".
 */
import { hashString } from "./hash.js";

/** Token kinds. */
export const WORD = 0;
export const TARGET = 1;
export const OTHER_CITATION = 2;
export const NUMBER = 3;

/** The hashes of the special tokens. */
export const H_TARGET = hashString("<T>");
export const H_OTHER = hashString("<C>");
export const H_NUMBER = hashString("0");
const H_NOT = hashString("not");
const H_ET = hashString("et");
const H_AL = hashString("al");

/**
 * The tokens of one text: the first `size` entries of the arrays (which may be a reused buffer's,
 * valid until that buffer tokenizes again).
 */
export interface Tokens {
  readonly text: string;
  readonly size: number;
  readonly hashes: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Int32Array;
  /** Index of the first target token, or -1. */
  readonly target: number;
  /** Indices of the other-citation tokens. */
  readonly others: number[];
  /** Whether the target stood inside brackets (a parenthetical citation) rather than in the running text. */
  readonly targetInBrackets: boolean;
  /** Whether the bracket group of the target also cited other works. */
  readonly coCited: boolean;
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f) && c !== 0xfeff)
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether `s[from..to)` holds a year (18xx, 19xx, 20xx) not glued to other digits. */
function hasYear(s: string, from: number, to: number): boolean {
  let run = 0;
  let first = 0;
  let second = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 32;
    if (isDigit(c)) {
      if (run === 0) first = c;
      else if (run === 1) second = c;
      run++;
    } else {
      if (run === 4 && ((first === 49 && second >= 56) || (first === 50 && second === 48))) return true;
      run = 0;
    }
  }
  return false;
}

/** Whether `s[from..to)` is a list of reference numbers: digits, commas, dashes and spaces only. */
function isNumericReference(s: string, from: number, to: number): boolean {
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c !== 44 && c !== 32 && c !== 45 && c !== 0x2013 && c !== 0x2014 && c !== 59) return false;
  }
  return digits > 0;
}

/** Whether `s[from..to)` holds a digit outside any `<<...>>` mark (other works cited beside the target). */
function digitOutsideMark(s: string, from: number, to: number): boolean {
  let inMark = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 60 && s.charCodeAt(i + 1) === 60) inMark = true;
    else if (c === 62 && s.charCodeAt(i + 1) === 62) inMark = false;
    else if (!inMark && isDigit(c)) return true;
  }
  return false;
}

/** Reusable token arrays, so that tokenizing allocates little per text. */
export class TokenBuffer {
  hashes = new Int32Array(128);
  starts = new Int32Array(128);
  ends = new Int32Array(128);
  kinds = new Int32Array(128);
  /** Doubles the capacity, keeping the first `size` entries. */
  grow(size: number): void {
    const n = this.hashes.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a.subarray(0, size));
      return b;
    };
    this.hashes = copy(this.hashes);
    this.starts = copy(this.starts);
    this.ends = copy(this.ends);
    this.kinds = copy(this.kinds);
  }
}

/** Splits text into tokens (see the module comment), into `buffer` when given (else a new one). */
export function tokenize(s: string, buffer: TokenBuffer = new TokenBuffer()): Tokens {
  let size = 0;
  const others: number[] = [];
  let target = -1;
  let inBrackets = false;
  let coCited = false;
  const emit = (h: number, start: number, end: number, kind: number) => {
    if (size === buffer.hashes.length) buffer.grow(size);
    buffer.hashes[size] = h;
    buffer.starts[size] = start;
    buffer.ends[size] = end;
    buffer.kinds[size] = kind;
    size++;
  };
  // Cached "next occurrence" positions keep the pass linear on hostile text (many "(" and no ")"):
  // -2 not looked up yet, -1 none further on.
  let markEnd = -2;
  let mark = -2;
  let closeParen = -2;
  let openParen = -2;
  let closeBracket = -2;
  let openBracket = -2;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 60 && s.charCodeAt(i + 1) === 60) {
      if (markEnd !== -1 && markEnd < i + 2) markEnd = s.indexOf(">>", i + 2);
      const e = markEnd;
      if (e >= 0) {
        if (target < 0) target = size;
        emit(H_TARGET, i, e + 2, TARGET);
        i = e + 2;
        continue;
      }
    }
    if (c === 40 || c === 91) {
      let close: number;
      let reopen: number;
      if (c === 40) {
        if (closeParen !== -1 && closeParen < i + 1) closeParen = s.indexOf(")", i + 1);
        if (openParen !== -1 && openParen < i + 1) openParen = s.indexOf("(", i + 1);
        close = closeParen;
        reopen = openParen;
      } else {
        if (closeBracket !== -1 && closeBracket < i + 1) closeBracket = s.indexOf("]", i + 1);
        if (openBracket !== -1 && openBracket < i + 1) openBracket = s.indexOf("[", i + 1);
        close = closeBracket;
        reopen = openBracket;
      }
      if (close > i && close - i < 600 && (reopen < 0 || reopen > close)) {
        if (mark !== -1 && mark < i + 1) mark = s.indexOf("<<", i + 1);
        if (mark >= 0 && mark < close) {
          if (target < 0) target = size;
          inBrackets = true;
          if (digitOutsideMark(s, i + 1, close)) coCited = true;
          emit(H_TARGET, i, close + 1, TARGET);
          i = close + 1;
          continue;
        }
        if (hasYear(s, i + 1, close) || (c === 91 && isNumericReference(s, i + 1, close))) {
          others.push(size);
          emit(H_OTHER, i, close + 1, OTHER_CITATION);
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (isDigit(d) || ((d === 46 || d === 44) && j + 1 < n && isDigit(s.charCodeAt(j + 1)))) j++;
        else break;
      }
      // A year in running text ("Smith et al., 2010") is a narrative citation.
      if (j - i === 4 && hasYear(s, i, j)) {
        if (j < n && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122 && !isLetter(s.charCodeAt(j + 1))) j++;
        others.push(size);
        emit(H_OTHER, i, j, OTHER_CITATION);
      } else emit(H_NUMBER, i, j, NUMBER);
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let h = 0x811c9dc5;
      let j = i;
      while (j < n) {
        let d = s.charCodeAt(j);
        if (isLetter(d) || isDigit(d) || (d === 45 && j + 1 < n && isLetter(s.charCodeAt(j + 1)))) {
          if (d >= 65 && d <= 90) d += 32;
          h = Math.imul(h ^ d, 0x01000193);
          j++;
        } else break;
      }
      h = (h ^ (h >>> 30)) & 0x3fffffff;
      if (h !== H_ET && h !== H_AL) emit(h, i, j, WORD);
      // Contractions and possessives: "n't" adds "not"; "'s" is dropped.
      const q = j < n ? s.charCodeAt(j) : 0;
      if ((q === 39 || q === 0x2019) && j + 1 < n) {
        const r = s.charCodeAt(j + 1) | 32;
        if ((r === 116 || r === 115) && !isLetter(j + 2 < n ? s.charCodeAt(j + 2) : 32)) {
          if (r === 116) emit(H_NOT, j, j + 2, WORD);
          j += 2;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  return {
    text: s,
    size,
    hashes: buffer.hashes,
    starts: buffer.starts,
    ends: buffer.ends,
    kinds: buffer.kinds,
    target,
    others,
    targetInBrackets: inBrackets,
    coCited,
  };
}

/** The text of tokens `start..start+length-1`, lower-cased, citations shown as `[cited]` / `[citation]`. */
export function tokenText(t: Tokens, start: number, length: number): string {
  const words: string[] = [];
  for (let i = start; i < start + length && i < t.size; i++) {
    const kind = t.kinds[i];
    if (kind === TARGET) words.push("[cited]");
    else if (kind === OTHER_CITATION) words.push("[citation]");
    else if (kind === NUMBER) words.push("[number]");
    else {
      const w = t.text.slice(t.starts[i] as number, t.ends[i] as number).toLowerCase();
      words.push(t.hashes[i] === H_NOT && !w.startsWith("not") ? "not" : w);
    }
  }
  return words.join(" ");
}
