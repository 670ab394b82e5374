/**
 * Sentence segmentation of one paragraph: Intl.Segmenter, then a merge pass (abbreviations, initials,
 * species, markers split by a boundary, a citation group after a full stop) and a split pass (a
 * citation group after a full stop followed by a new sentence, "shown.3 Next"; sentences opening with
 * "mRNA" or "p53").
 */
import { CitationGroups, type MarkerSpan } from "./groups.js";
import { maskMarkers } from "./mask.js";
import { cannotStartSentence, holdsAfter, looksLikeSentenceStart } from "./rules.js";

/** A sentence's place in the paragraph text: `text.slice(start, end)` is the sentence, trimmed. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });
/** How much text left and right of a boundary the rules look at. */
const WINDOW = 64;
/** Sentence starts the segmenter misses: "mRNA ...", "p53 ...", an enumerator "(b) ...", "(ii) ...". */
const LOWER_START = /^(?:\p{Ll}[\p{Lu}\p{N}]|\((?:[a-h]|[ivx]{1,4})\)\s)/u;
const OPENING = "([{“‘";
const TERMINATOR = /[.!?][.!?"'”’)\]]*/gu;

/**
 * Splits a paragraph into sentences. `markers` (offsets of citation markers in `text`) keep a
 * marker inside one sentence and attach a marker printed after a full stop to the sentence before.
 *
 * @example segmentSentences("It binds (Smith et al., 2010). E. coli lacks it.") // [{0,30},{31,48}]
 */
export function segmentSentences(text: string, markers: readonly MarkerSpan[] = []): Span[] {
  const masked = maskMarkers(text, markers);
  const groups = new CitationGroups(masked, markers);
  const kept = mergePass(masked, icuCuts(masked), markers, groups);
  const cuts = splitPass(masked, kept, groups);
  return toSpans(text, cuts);
}

function icuCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const s of SEGMENTER.segment(text)) if (s.index > 0) cuts.push(s.index);
  return cuts;
}

function skipSpace(text: string, i: number): number {
  let p = i;
  while (p < text.length && /\s/u.test(text.charAt(p))) p++;
  return p;
}

/** Keeps the segmenter's boundaries that are real sentence ends. */
function mergePass(
  text: string,
  cuts: readonly number[],
  markers: readonly MarkerSpan[],
  groups: CitationGroups,
): number[] {
  const kept: number[] = [];
  for (const cut of cuts) {
    // No sentence ends with an opening bracket or quote ("... et al.(Smith, 2010)"): cut before it.
    let c = cut;
    while (c > 0 && OPENING.includes(text.charAt(c - 1))) c--;
    if (markers.some((m) => m.start < c && c < m.end)) continue;
    const left = text.slice(Math.max(0, c - WINDOW), c).trimEnd();
    const r = skipSpace(text, c);
    const right = text.slice(r, r + WINDOW);
    if (right === "" || cannotStartSentence(right) || holdsAfter(left, right)) continue;
    if (groups.endOfGroupAt(r) >= 0) continue;
    kept.push(c);
  }
  return kept;
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
      }
    } else if (q > e0 && LOWER_START.test(text.slice(q, q + 8))) {
      if (!holdsAfter(left, text.slice(q, q + WINDOW))) added.push(q);
    }
  }
  const inAttached = (c: number) => attached.some(([a, b]) => a < c && c < b);
  const all = [...kept.filter((c) => !inAttached(c)), ...added].sort((a, b) => a - b);
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
