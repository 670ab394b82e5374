/**
 * What the JATS and TEI readers share: the element stack with what to undo when each element closes,
 * small captured trees (a reference, a header part), skipped subtrees, and citation markers. A dialect
 * says only what each element it knows opens (`element`), and how its own undo bits close.
 */
import type { XmlHandler } from "../xml/reader.js";
import { TreeCapture, type XNode } from "../xml/tree.js";
import { Flow } from "./flow.js";

// What to undo when an element closes (bit flags), applied in this order when several are set.
export const MARKER = 1;
export const BLOCK = 2;
/** A section title (JATS `<title>`, TEI `<head>`): closed by `closeTitle`. */
export const TITLE = 4;
export const CONTAINER = 8;
export const SECTION = 16;
export const REGION = 32;
/** The first bit a dialect may use for itself; `closeOwn` receives every undo with such bits, last. */
export const OWN = 64;
/** Returned by `element` after it started a capture or a skip (the element is not on the stack). */
export const TAKEN = -1;

interface Capture {
  readonly tree: TreeCapture;
  readonly done: (node: XNode) => void;
}

/** An XML handler that streams a document's text into a Flow. */
export abstract class FlowHandler implements XmlHandler {
  protected readonly flow: Flow;
  /** The names of the open elements (captured and skipped ones excluded). */
  protected readonly names: string[] = [];
  /** Citation markers found outside any paragraph (skipped). */
  protected droppedMarkers = 0;
  private readonly undo: number[] = [];
  private capture: Capture | null = null;
  private captureDepth = 0;
  private skipDepth = 0;

  /** `breaks`: whether the document has any tab or line break (see `needsCollapse`). */
  constructor(breaks: boolean) {
    this.flow = new Flow(breaks);
  }

  open(name: string, attrs: Readonly<Record<string, string>>): void {
    if (this.capture !== null) {
      this.captureDepth++;
      this.capture.tree.open(name, attrs);
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const undo = this.element(name, attrs, this.names[this.names.length - 1]);
    if (undo === TAKEN) return;
    this.names.push(name);
    this.undo.push(undo);
  }

  text(text: string): void {
    if (this.capture !== null) this.capture.tree.text(text);
    else if (this.skipDepth === 0) this.flow.text(text);
  }

  close(_name: string): void {
    if (this.capture !== null) {
      const root = this.capture.tree.close();
      if (--this.captureDepth === 0 && root !== null) {
        const { done } = this.capture;
        this.capture = null;
        done(root);
      }
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    this.names.pop();
    const undo = this.undo.pop() ?? 0;
    if (undo === 0) return;
    const flow = this.flow;
    if (undo & MARKER) flow.endMarker();
    if (undo & BLOCK) flow.closeBlock();
    if (undo & TITLE) this.closeTitle();
    if (undo & CONTAINER) flow.closeContainer();
    if (undo & SECTION) flow.closeSection();
    if (undo & REGION) flow.closeRegion();
    if (undo >= OWN) this.closeOwn(undo);
  }

  /**
   * Opens an element that is neither captured nor skipped (`parent`: the enclosing element's name):
   * returns what to undo when it closes (0: nothing), or TAKEN after `startCapture` or `skip`.
   */
  protected abstract element(name: string, attrs: Readonly<Record<string, string>>, parent: string | undefined): number;

  /** Closes a section title (TITLE). */
  protected closeTitle(): void {
    this.flow.closeTitle();
  }

  /** Closes what a dialect's own bits (OWN and above) opened. */
  protected closeOwn(_undo: number): void {}

  /** Captures the element as a small tree, handed to `done` when it closes. */
  protected startCapture(name: string, attrs: Readonly<Record<string, string>>, done: (node: XNode) => void): number {
    this.capture = { tree: new TreeCapture(name, attrs), done };
    this.captureDepth = 1;
    return TAKEN;
  }

  /** Skips the element and everything in it. */
  protected skip(): number {
    this.skipDepth++;
    return TAKEN;
  }

  /** Starts a citation marker for these reference ids: MARKER, or 0 when it stands outside any text. */
  protected marker(ids: readonly string[]): number {
    if (this.flow.beginMarker(ids)) return MARKER;
    this.droppedMarkers++;
    return 0;
  }
}
