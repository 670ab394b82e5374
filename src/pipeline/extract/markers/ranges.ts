/**
 * Citations of one paragraph: each marker's reference ids, plus the references a printed range
 * ("[3]–[6]", "3–6", "(3-6)") stands for between its two ends, in reference-list order.
 */
import type { CitationMarker } from "../../../core/document.js";

/** One cited reference at one place in the paragraph. */
export interface Citation {
  readonly refId: string;
  /** The printed marker; for a reference inside a range, the printed range ("3–6"). */
  readonly marker: string;
  /** Offsets of `marker` in the paragraph text. */
  readonly start: number;
  readonly end: number;
}

/** A range that could not be expanded, for a warning. */
export interface RangeProblem {
  readonly code: "range-order" | "range-too-long" | "range-mismatch";
  readonly range: string;
  readonly reason: string;
}

/** Text between two markers that makes them a range: a dash, with brackets around it or not. */
const RANGE_JOIN = /^\s*[\])]?\s*[-‐‑‒–—−]\s*[[(]?\s*$/u;
/** A marker printed as a number ("3", "[3]", "(12a)"): only such markers form ranges. */
const NUMERIC = /^[[(]?\s*(\d+)[a-z]?\s*[\])]?$/u;
/** A range longer than this is surely a misprint and is not expanded. */
const MAX_RANGE = 100;

/**
 * The number printed in a numeric marker, or null for an author-year marker. A bare year
 * ("Smith et al. (<xref>2010</xref>–<xref>2012</xref>)") is not a reference number.
 */
export function markerNumber(text: string): number | null {
  const m = NUMERIC.exec(text.trim());
  if (m?.[1] === undefined) return null;
  const n = Number(m[1]);
  return n >= 1900 && n <= 2100 ? null : n;
}

/**
 * The citations of a paragraph's markers in document order, ranges expanded. `order` maps a
 * reference id to its position in the reference list.
 */
export function citationsOf(
  text: string,
  markers: readonly CitationMarker[],
  order: ReadonlyMap<string, number>,
  refIdAt: (position: number) => string,
): { citations: Citation[]; problems: RangeProblem[] } {
  const citations: Citation[] = [];
  const problems: RangeProblem[] = [];
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i] as CitationMarker;
    const prev = markers[i - 1];
    if (prev !== undefined) {
      const r = rangeBetween(text, prev, m, order);
      if (r?.problem) problems.push(r.problem);
      if (r !== null && r.positions.length > 0) {
        const { start, end } = printedRange(text, prev, m);
        const printed = text.slice(start, end);
        for (const p of r.positions) citations.push({ refId: refIdAt(p), marker: printed, start, end });
      }
    }
    for (const refId of m.refIds) citations.push({ refId, marker: m.text, start: m.start, end: m.end });
  }
  return { citations, problems };
}

/**
 * Where a range is printed: from its first marker to its last, taking in the brackets around each end
 * when the brackets stand outside the markers ("[3]–[6]" rather than "3]–[6").
 */
function printedRange(text: string, a: CitationMarker, b: CitationMarker): { start: number; end: number } {
  const between = text.slice(a.end, b.start);
  if (!/[\])]/u.test(between)) return { start: a.start, end: b.end };
  const open = text.charAt(a.start - 1);
  const close = text.charAt(b.end);
  return {
    start: open === "[" || open === "(" ? a.start - 1 : a.start,
    end: close === "]" || close === ")" ? b.end + 1 : b.end,
  };
}

/** The list positions strictly between two markers joined by a dash, null when they are no range. */
function rangeBetween(
  text: string,
  a: CitationMarker,
  b: CitationMarker,
  order: ReadonlyMap<string, number>,
): { positions: number[]; problem: RangeProblem | null } | null {
  if (b.start < a.end || !RANGE_JOIN.test(text.slice(a.end, b.start))) return null;
  const na = markerNumber(a.text);
  const nb = markerNumber(b.text);
  if (na === null || nb === null || a.refIds.length !== 1 || b.refIds.length !== 1) return null;
  const ia = order.get(a.refIds[0] as string);
  const ib = order.get(b.refIds[0] as string);
  if (ia === undefined || ib === undefined) return null;
  const range = text.slice(a.start, b.end);
  if (ib <= ia) {
    const reason = `range "${range}" runs backwards in the reference list; not expanded`;
    return { positions: [], problem: { code: "range-order", range, reason } };
  }
  if (ib - ia > MAX_RANGE) {
    const reason = `range "${range}" spans ${ib - ia} references; not expanded`;
    return { positions: [], problem: { code: "range-too-long", range, reason } };
  }
  const positions: number[] = [];
  for (let p = ia + 1; p < ib; p++) positions.push(p);
  // A printed span that differs from the list span is still expanded by list order (the rids are
  // authoritative); the warning lets a reader check it.
  const problem: RangeProblem | null =
    nb - na === ib - ia
      ? null
      : {
          code: "range-mismatch",
          range,
          reason: `range "${range}" covers ${ib - ia - 1} references between its ends in the reference list, not ${Math.max(0, nb - na - 1)}; expanded by list order`,
        };
  return { positions, problem };
}
