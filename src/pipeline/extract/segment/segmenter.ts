/**
 * Sentence segmentation of one paragraph: the UAX #29 boundaries Intl.Segmenter gives (computed by
 * boundaries.ts, identical and faster), then a merge pass (abbreviations, initials,
 * species, markers split by a boundary, a citation group after a full stop) and a split pass (a
 * citation group after a full stop followed by a new sentence, "shown.3 Next"; sentences opening with
 * "mRNA" or "p53").
 */

import { sentenceCutsMany } from "./boundaries.js";
import { CitationGroups, type MarkerSpan } from "./groups.js";
import { maskMarkers } from "./mask.js";
import { cannotStartSentence, holdsAfter, insideShortParenthesis, looksLikeSentenceStart } from "./rules.js";

/** A sentence's place in the paragraph text: `text.slice(start, end)` is the sentence, trimmed. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How much text left and right of a boundary the rules look at. */
const WINDOW = 64;
/** Sentence starts the segmenter misses: "mRNA ...", "p53 ...", an enumerator "(b) ...", "(ii) ...", "(1) ...". */
const LOWER_START = /^(?:\p{Ll}[\p{Lu}\p{N}]|\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s)/u;
const OPENING = "([{“‘";
const TERMINATOR = /[.!?][.!?"'”’)\]]*/gu;

/**
 * Splits a paragraph into sentences. `markers` (offsets of citation markers in `text`) keep a
 * marker inside one sentence and attach a marker printed after a full stop to the sentence before.
 *
 * @example segmentSentences("It binds (Smith et al., 2010). E. coli lacks it.") // [{0,30},{31,48}]
 */
export function segmentSentences(text: string, markers: readonly MarkerSpan[] = []): Span[] {
  return segmentParagraphs([{ text, markers }])[0] ?? [];
}

/** A paragraph to segment: its text and its markers' spans. */
export interface ParagraphInput {
  readonly text: string;
  readonly markers: readonly MarkerSpan[];
}

/** Segments many paragraphs at once (the segmenter is called on batches); one span list per paragraph. */
export function segmentParagraphs(paragraphs: readonly ParagraphInput[]): Span[][] {
  const masked = paragraphs.map((p) => maskMarkers(p.text, p.markers));
  const icu = sentenceCutsMany(masked); // the boundaries Intl.Segmenter gives (see boundaries.ts)
  return paragraphs.map((p, i) => {
    const m = masked[i] ?? "";
    const groups = new CitationGroups(m, p.markers);
    const kept = mergePass(m, icu[i] ?? [], insideMarkers(p.text.length, p.markers), groups);
    return toSpans(p.text, splitPass(m, kept, groups));
  });
}

/** Marks every position strictly inside a marker, where no boundary may fall. */
function insideMarkers(length: number, markers: readonly MarkerSpan[]): Uint8Array {
  const inside = new Uint8Array(length + 1);
  for (const m of markers) inside.fill(1, Math.max(0, m.start + 1), Math.min(length, m.end));
  return inside;
}

function skipSpace(text: string, i: number): number {
  let p = i;
  while (p < text.length && /\s/u.test(text.charAt(p))) p++;
  return p;
}

/** Keeps the segmenter's boundaries that are real sentence ends. */
function mergePass(text: string, cuts: readonly number[], inside: Uint8Array, groups: CitationGroups): number[] {
  const kept: number[] = [];
  for (const cut of cuts) {
    // No sentence ends with an opening bracket or quote ("... et al.(Smith, 2010)"): cut before it.
    let c = cut;
    while (c > 0 && OPENING.includes(text.charAt(c - 1))) c--;
    if (inside[c] === 1) continue;
    const left = text.slice(Math.max(0, c - WINDOW), c).trimEnd();
    const r = skipSpace(text, c);
    const right = text.slice(r, r + WINDOW);
    if (right === "" || cannotStartSentence(right) || holdsAfter(left, right)) continue;
    if (insideShortParenthesis(text, c)) continue;
    if (groupBelongsBefore(text, groups, r)) continue;
    kept.push(c);
  }
  return kept;
}

/**
 * True when a citation group starts at `r`, right after a sentence end, and belongs to the sentence
 * before: unless a lower-case word follows it, in which case it is the subject of a new sentence
 * ("... shown. [26] modeled the influx", "... patterns. (Bushdid et al., 2014) did not correct ...").
 */
function groupBelongsBefore(text: string, groups: CitationGroups, r: number): boolean {
  const g = groups.endOfGroupAt(r);
  if (g < 0) return false;
  const after = skipSpace(text, g);
  const next = text.slice(after, after + 2);
  return !(after > g && /^\p{Ll}/u.test(next) && !/^\p{Ll}[\p{Lu}\p{N}]/u.test(next));
}

/**
 * True when a sentence opens with a number after the full stop at `stop`: "... (Argilli et al., 2008).
 * 9–10 days after ...", "... supplement 1A. 70% of the larvae ..." (the segmenter never breaks before a
 * number that a lower-case word follows). Not after a digit ("3. 5") or a lone capital ("J. 5").
 */
function opensWithNumber(text: string, stop: number, q: number): boolean {
  if (text.charAt(stop) !== "." || !/\p{N}/u.test(text.charAt(q))) return false;
  const before = text.charAt(stop - 1);
  if (before === "" || /\p{N}/u.test(before)) return false;
  return !(/\p{Lu}/u.test(before) && !/[\p{L}\p{N}]/u.test(text.charAt(stop - 2)));
}

/** Adds the boundaries the segmenter missed and moves those a citation group should follow. */
function splitPass(text: string, kept: readonly number[], groups: CitationGroups): number[] {
  const added: number[] = [];
  const attached: [number, number][] = [];
  for (const t of text.matchAll(TERMINATOR)) {
    const e0 = t.index + t[0].length;
    const left = text.slice(Math.max(0, e0 - WINDOW), e0);
    const q = skipSpace(text, e0);
    const g = groups.endOfGroupAt(q);
    if (g >= 0) {
      const r = skipSpace(text, g);
      const right = text.slice(r, r + WINDOW);
      if (r > g && r < text.length && looksLikeSentenceStart(right) && !holdsAfter(left, right)) {
        added.push(r);
        attached.push([e0, r]);
      } else if (q > e0 && !groupBelongsBefore(text, groups, q) && !holdsAfter(left, text.slice(q, q + WINDOW))) {
        // A citation that is the subject of a new sentence: "... ways. [26] modeled ...".
        added.push(q);
      }
    } else if (q > e0 && (LOWER_START.test(text.slice(q, q + 8)) || opensWithNumber(text, t.index, q))) {
      if (!holdsAfter(left, text.slice(q, q + WINDOW))) added.push(q);
    }
  }
  // `attached` ranges come in text order, as do the kept cuts: one sweep drops the cuts inside them.
  let k = 0;
  const outside = kept.filter((c) => {
    while (k < attached.length && (attached[k]?.[1] ?? 0) <= c) k++;
    const range = attached[k];
    return range === undefined || !(range[0] < c && c < range[1]);
  });
  const all = [...outside, ...added].sort((a, b) => a - b);
  return all.filter((c, i) => c > 0 && c < text.length && c !== all[i - 1]);
}

function toSpans(text: string, cuts: readonly number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const to of [...cuts, text.length]) {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(text.charAt(s))) s++;
    while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    from = to;
  }
  return spans;
}
