/**
 * The TEI reader for GROBID output: `<ref type="bibr" target="#b12">` markers in body paragraphs,
 * `<biblStruct xml:id="b12">` in the back. GROBID writes flat `<div>`s with numbered heads
 * (`<head n="2.1">`): a div numbered under the previous top-level one ("2" then "2.1") belongs to it,
 * and a div without a head continues the section before it.
 */
import { type Diagnostic, diagnostic } from "../../../core/diagnostic.js";
import type { ParsedDocument } from "../../../core/document.js";
import { Flow, type SectionContext } from "../flow/flow.js";
import type { XmlHandler } from "../xml/reader.js";
import { TreeCapture, type XNode } from "../xml/tree.js";
import { type TeiHeader, teiWork } from "./meta.js";
import { teiReference } from "./references.js";

const BLOCKS: ReadonlySet<string> = new Set(["p", "figDesc", "note", "item", "cell", "quote"]);
const CONTAINERS: ReadonlySet<string> = new Set(["figure", "table", "list", "row", "listBibl", "graphic"]);
const SKIP: ReadonlySet<string> = new Set(["label", "desc", "trash"]);
const HEADER_PARTS: ReadonlySet<string> = new Set(["titleStmt", "publicationStmt", "sourceDesc"]);

const REGION = 1;
const SECTION = 2;
const BLOCK = 4;
const HEAD = 8;
const CONTAINER = 16;
const MARKER = 32;

interface Capture {
  readonly tree: TreeCapture;
  readonly done: (node: XNode) => void;
}

/** Reads one GROBID `<TEI>` document. */
export class TeiHandler implements XmlHandler {
  /** `breaks`: whether the document has any tab or line break (see `needsCollapse`). */
  constructor(breaks = true) {
    this.flow = new Flow(breaks);
  }

  private readonly names: string[] = [];
  private readonly undo: number[] = [];
  private readonly heads: { readonly n: string | null; readonly top: boolean }[] = [];
  private capture: Capture | null = null;
  private captureDepth = 0;
  private skipDepth = 0;
  private readonly flow: Flow;
  private readonly header: TeiHeader = { titleStmt: null, publicationStmt: null, sourceDesc: null, abstract: null };
  private readonly bibl: XNode[] = [];
  private abstractCtx: SectionContext | null = null;
  private lastTop: SectionContext | null = null;
  private lastTopNumber: string | null = null;
  private sawBody = false;
  private droppedMarkers = 0;

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
    const parent = this.names[this.names.length - 1];
    const flow = this.flow;
    let undo = 0;
    if (parent === "fileDesc" && HEADER_PARTS.has(name)) {
      this.startCapture(name, attrs, (n) => {
        if (name === "titleStmt") this.header.titleStmt = n;
        else if (name === "publicationStmt") this.header.publicationStmt = n;
        else this.header.sourceDesc = n;
      });
      return;
    }
    switch (name) {
      case "biblStruct":
        this.startCapture(name, attrs, (n) => this.bibl.push(n));
        return;
      case "abstract":
        if (parent === "profileDesc") {
          flow.openRegion();
          const ctx = flow.openSection({ fixedKind: "other", heading: "Abstract" });
          this.abstractCtx ??= ctx;
          undo = REGION | SECTION;
        }
        break;
      case "body":
      case "back":
        if (name === "body") this.sawBody = true;
        flow.openRegion();
        this.lastTop = null;
        this.lastTopNumber = null;
        undo = REGION;
        break;
      case "div":
        if (!flow.active) break;
        if (attrs.type === "references") {
          flow.openContainer();
          undo = CONTAINER;
        } else {
          const heading = attrs.type === "acknowledgement" ? "Acknowledgements" : attrs.type === "annex" ? "Annex" : "";
          const owner = attrs.type === undefined && (parent === "body" || parent === "back") ? this.lastTop : null;
          flow.openSection(owner === null ? { heading } : { heading, owner });
          undo = SECTION;
        }
        break;
      case "head":
        if (!flow.active) break;
        if (parent === "div") {
          flow.openTitle(null);
          const grand = this.names[this.names.length - 2];
          this.heads.push({ n: attrs.n ?? null, top: grand === "body" || grand === "back" });
          undo = HEAD;
        } else {
          flow.openBlock(parent === "figure" ? "always" : "markers");
          undo = BLOCK;
        }
        break;
      case "ref":
        if (flow.active && attrs.type === "bibr" && attrs.target !== undefined) {
          const ids = attrs.target
            .trim()
            .split(/\s+/)
            .map((t) => t.replace(/^#/, ""))
            .filter((t) => t !== "");
          if (ids.length > 0) {
            if (flow.beginMarker(ids)) undo = MARKER;
            else this.droppedMarkers++;
          }
        }
        break;
      default:
        if (!flow.active) break;
        if (BLOCKS.has(name)) {
          flow.openBlock("always");
          undo = BLOCK;
        } else if (CONTAINERS.has(name)) {
          flow.openContainer();
          undo = CONTAINER;
        } else if (SKIP.has(name)) {
          this.skipDepth++;
          return;
        }
    }
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
    if (undo & HEAD) this.closeHead();
    if (undo & CONTAINER) flow.closeContainer();
    if (undo & SECTION) flow.closeSection();
    if (undo & REGION) flow.closeRegion();
  }

  /** A div's head: it starts a new top-level section unless its number continues the last one. */
  private closeHead(): void {
    const head = this.heads.pop();
    const n = head?.n ?? null;
    const ctx = this.flow.current;
    const text = this.flow.closeTitle();
    // A div inside another div (GROBID nests one in its acknowledgement div) belongs to the outer one.
    if (ctx === undefined || ctx.root || ctx.hasHeading || head?.top !== true) return;
    const top = n?.split(".")[0] ?? null;
    const nested = n !== null && n.includes(".") && top !== null && top === this.lastTopNumber && this.lastTop !== null;
    if (nested) return;
    ctx.owner = ctx;
    ctx.heading = text;
    ctx.hasHeading = true;
    this.lastTop = ctx;
    this.lastTopNumber = top;
  }

  private startCapture(name: string, attrs: Readonly<Record<string, string>>, done: (node: XNode) => void): void {
    this.capture = { tree: new TreeCapture(name, attrs), done };
    this.captureDepth = 1;
  }

  /** The document and the warnings about it (call once the whole file has been read). */
  finish(file: string): { document: ParsedDocument; diagnostics: Diagnostic[] } {
    if (this.abstractCtx !== null) this.header.abstract = this.flow.textsOf(this.abstractCtx);
    const document: ParsedDocument = {
      format: "tei",
      work: teiWork(this.header),
      paragraphs: this.flow.paragraphs(),
      references: this.bibl.map((b, i) => teiReference(b, i)),
    };
    const diagnostics: Diagnostic[] = [];
    const warn = (code: string, reason: string) =>
      diagnostics.push(diagnostic(file, "parse", code, reason, { severity: "warning" }));
    if (!this.sawBody) warn("no-body", "the TEI document has no <body>: only its metadata and references are kept");
    if (document.references.length === 0) warn("no-references", "the TEI document has no reference list");
    if (this.droppedMarkers > 0) {
      warn(
        "marker-outside-text",
        `${this.droppedMarkers} citation marker(s) stand outside any paragraph and were skipped`,
      );
    }
    return { document, diagnostics };
  }
}
