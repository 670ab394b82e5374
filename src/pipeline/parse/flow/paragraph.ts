/**
 * Collects one paragraph's plain text from streamed text chunks, with citation markers located by
 * offset. Chunks are only pushed while reading; whitespace is collapsed once per paragraph when it is
 * built (one native regex test on the joined text; chunks are collapsed one by one only when that test
 * finds something to collapse), so there is no per-character work in JavaScript.
 */
import type { CitationMarker } from "../../../core/document.js";

/**
 * Runs of XML whitespace (space, tab, newline, carriage return) longer than one, or one that is not a
 * space. Other spaces (no-break, thin) are kept as printed.
 */
const WS = /[ \t\n\r]{2,}|[\t\n\r]/g;

/**
 * True when the text has whitespace to collapse (plain `includes` scans: much faster than a regex).
 * `breaks` is false when the whole document has no tab or line break (eLife writes one line), so only
 * double spaces need looking for.
 */
export function needsCollapse(text: string, breaks = true): boolean {
  // saxes has already turned CR and CRLF into LF.
  return text.includes("  ") || (breaks && (text.includes("\n") || text.includes("\t")));
}

/** A paragraph's text and markers once it is complete. */
export interface BuiltParagraph {
  readonly text: string;
  readonly markers: readonly CitationMarker[];
}

interface MarkerDraft {
  readonly refIds: readonly string[];
  /** The chunks the marker spans: `parts[first..last)`. */
  readonly first: number;
  last: number;
}

/** Builds one paragraph. `add` text in document order; wrap marker text in `beginMarker`/`endMarker`. */
export class ParagraphBuilder {
  private readonly parts: string[] = [];
  private readonly drafts: MarkerDraft[] = [];
  private open: MarkerDraft | null = null;
  private built: BuiltParagraph | null = null;

  /** `breaks`: whether the document has any tab or line break at all (see `needsCollapse`). */
  constructor(private readonly breaks = true) {}

  /** Appends a chunk of text as it stands in the source. */
  add(raw: string): void {
    this.parts.push(raw);
  }

  /** Starts a citation marker at the current end of the text. */
  beginMarker(refIds: readonly string[]): void {
    this.open = { refIds, first: this.parts.length, last: this.parts.length };
  }

  /** Ends the open marker: it spans everything added since `beginMarker`. */
  endMarker(): void {
    if (this.open === null) return;
    this.open.last = this.parts.length;
    this.drafts.push(this.open);
    this.open = null;
  }

  /** True when no visible text has been added (builds the paragraph). */
  get empty(): boolean {
    return this.parts.length === 0 || this.build().text.length === 0;
  }

  /** The number of markers so far (to decide whether a heading also stands as a paragraph). */
  get markerCount(): number {
    return this.drafts.length + (this.open === null ? 0 : 1);
  }

  /** The finished paragraph: whitespace collapsed and trimmed; marker offsets into that text. */
  build(): BuiltParagraph {
    if (this.built !== null) return this.built;
    if (this.open !== null) this.endMarker();
    let parts = this.parts;
    let text = parts.join("");
    if (needsCollapse(text, this.breaks) || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) {
      parts = collapseParts(parts);
      text = parts.join("");
    }
    // Offsets of each chunk boundary in the final text.
    const at = new Array<number>(parts.length + 1);
    at[0] = 0;
    for (let i = 0; i < parts.length; i++) at[i + 1] = (at[i] as number) + (parts[i] as string).length;
    const markers: CitationMarker[] = [];
    for (const d of this.drafts) {
      let start = at[d.first] as number;
      let end = at[d.last] as number;
      // A marker does not start or end with a space (collapsing leaves at most one).
      if (end > start && text.charCodeAt(start) === 32) start++;
      if (end > start && text.charCodeAt(end - 1) === 32) end--;
      markers.push({ refIds: d.refIds, text: text.slice(start, end), start, end });
    }
    this.built = { text, markers };
    return this.built;
  }
}

/** Collapses whitespace across chunks: runs become one space, none at the start or the end. */
function collapseParts(parts: readonly string[]): string[] {
  const out: string[] = new Array<string>(parts.length);
  let afterSpace = true;
  let lastNonEmpty = -1;
  for (let i = 0; i < parts.length; i++) {
    let t = (parts[i] as string).replace(WS, " ");
    if (afterSpace && t.charCodeAt(0) === 32) t = t.slice(1);
    out[i] = t;
    if (t.length > 0) {
      afterSpace = t.charCodeAt(t.length - 1) === 32;
      lastNonEmpty = i;
    }
  }
  if (lastNonEmpty >= 0 && afterSpace) out[lastNonEmpty] = (out[lastNonEmpty] as string).slice(0, -1);
  return out;
}
