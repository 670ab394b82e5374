/** Which sentence of a paragraph a citation belongs to: the one containing the marker's start. */
import type { Span } from "../segment/segmenter.js";

/**
 * The index of the span that contains `pos`; a position between spans (whitespace) belongs to the
 * span before it, and one before the first span to the first. Spans are sorted and disjoint.
 */
export function sentenceIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  // The last span whose start is <= pos.
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? 0) <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
