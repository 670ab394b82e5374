/**
 * Citation groups: the runs of citation markers with their brackets and separators ("[3]–[6]",
 * "(Smith et al., 2010; Jones, 2009a)", "3,4"). A group right after a full stop belongs to the
 * sentence before it.
 */

/** A marker's place in the paragraph text. */
export interface MarkerSpan {
  readonly start: number;
  readonly end: number;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]" };
/** Farthest a bracket group may reach (characters). */
const MAX_GROUP = 400;
/** The longest lead-in before the first marker of a bracketed citation ("for a review, see "). */
const MAX_LEAD_IN = 40;
const SEPARATOR = /[\s,;\-‐‑‒–—−]/u;

/** Finds citation groups in one paragraph (text with markers masked or not). */
export class CitationGroups {
  private readonly byStart = new Map<number, MarkerSpan>();
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    markers: readonly MarkerSpan[],
  ) {
    for (const m of markers) if (!this.byStart.has(m.start)) this.byStart.set(m.start, m);
    this.starts = [...this.byStart.keys()].sort((a, b) => a - b);
  }

  /** True when some marker starts at or after `from` and before `to`. */
  hasMarkerIn(from: number, to: number): boolean {
    return this.firstMarkerFrom(from) < to;
  }

  /**
   * The end of the citation group that starts at `q`, or -1 when none does. A group is a bracket
   * pair holding a marker, or a marker printed without a leading letter ("3", "[3]"); chained groups
   * joined by separators count as one.
   */
  endOfGroupAt(q: number): number {
    let end = this.oneGroupAt(q);
    if (end < 0) return -1;
    for (;;) {
      let p = end;
      while (p < this.text.length && SEPARATOR.test(this.text.charAt(p))) p++;
      if (p === end) return end;
      const next = this.oneGroupAt(p);
      if (next < 0) return end;
      end = next;
    }
  }

  private oneGroupAt(q: number): number {
    const c = this.text.charAt(q);
    const m = this.byStart.get(q);
    // A marker printed with its own brackets ("[75]") or as a bare number ("3").
    if (m !== undefined && !/\p{L}/u.test(c)) return m.end;
    const close = OPEN[c];
    if (close !== undefined) {
      const k = this.matching(q, c, close);
      return k >= 0 && this.citesFirst(q + 1, k) ? k + 1 : -1;
    }
    return -1;
  }

  /**
   * True when the bracket content from `from` to `to` is a citation: a marker comes first, after at
   * most a short lower-case lead-in ("see ", "e.g., ", "reviewed in "). "(This choice ... [3])" is a
   * sentence in brackets, not a citation.
   */
  private citesFirst(from: number, to: number): boolean {
    if (!this.hasMarkerIn(from, to)) return false;
    const first = this.firstMarkerFrom(from);
    return first - from <= MAX_LEAD_IN && !/\p{Lu}/u.test(this.text.slice(from, first));
  }

  private firstMarkerFrom(from: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    return this.starts[lo] ?? this.text.length;
  }

  private matching(q: number, open: string, close: string): number {
    let depth = 0;
    const limit = Math.min(this.text.length, q + MAX_GROUP);
    for (let i = q; i < limit; i++) {
      const ch = this.text.charAt(i);
      if (ch === open) depth++;
      else if (ch === close && --depth === 0) return i;
    }
    return -1;
  }
}
