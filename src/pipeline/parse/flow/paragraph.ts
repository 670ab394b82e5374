/**
 * Collects one paragraph's plain text from streamed text chunks, with citation markers located by
 * offset. Whitespace is collapsed as it arrives (one native regex per chunk, no per-character JS), so
 * offsets are final the moment they are taken.
 */
import type { CitationMarker } from "../../../core/document.js";

/** Runs of two or more whitespace characters, or any single whitespace that is not a plain space. */
const WS = /\s{2,}|[^\S ]/g;

/** A paragraph's text and markers once it is complete. */
export interface BuiltParagraph {
  readonly text: string;
  readonly markers: readonly CitationMarker[];
}

interface OpenMarker {
  readonly refIds: readonly string[];
  readonly start: number;
  readonly part: number;
}

/** Builds one paragraph. `add` text in document order; wrap marker text in `beginMarker`/`endMarker`. */
export class ParagraphBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  /** True at the start and after a space, so a leading space is dropped. */
  private afterSpace = true;
  private readonly markers: CitationMarker[] = [];
  private open: OpenMarker | null = null;
  private built: BuiltParagraph | null = null;

  /** Appends text, collapsing whitespace. */
  add(raw: string): void {
    let t = raw.replace(WS, " ");
    if (this.afterSpace && t.charCodeAt(0) === 32) t = t.slice(1);
    if (t.length === 0) return;
    this.parts.push(t);
    this.length += t.length;
    this.afterSpace = t.charCodeAt(t.length - 1) === 32;
  }

  /** Starts a citation marker at the current end of the text. */
  beginMarker(refIds: readonly string[]): void {
    this.open = { refIds, start: this.length, part: this.parts.length };
  }

  /** Ends the open marker; its text is everything added since `beginMarker`, trimmed. */
  endMarker(): void {
    const m = this.open;
    if (m === null) return;
    this.open = null;
    let text = this.parts.slice(m.part).join("");
    let start = m.start;
    let end = this.length;
    if (text.endsWith(" ")) {
      text = text.slice(0, -1);
      end--;
    }
    if (text.startsWith(" ")) {
      text = text.slice(1);
      start++;
    }
    this.markers.push({ refIds: m.refIds, text, start, end });
  }

  /** True when no text has been added. */
  get empty(): boolean {
    return this.length === 0;
  }

  /** The markers so far (to decide whether a heading also stands as a paragraph). */
  get markerCount(): number {
    return this.markers.length;
  }

  /** The finished paragraph: trailing space trimmed; markers clamped to the text. */
  build(): BuiltParagraph {
    if (this.built !== null) return this.built;
    if (this.open !== null) this.endMarker();
    let text = this.parts.join("");
    if (text.endsWith(" ")) {
      text = text.slice(0, -1);
      const n = text.length;
      for (let i = 0; i < this.markers.length; i++) {
        const m = this.markers[i] as CitationMarker;
        if (m.end > n)
          this.markers[i] = { ...m, start: Math.min(m.start, n), end: n, text: text.slice(Math.min(m.start, n), n) };
      }
    }
    this.built = { text, markers: this.markers };
    return this.built;
  }
}
