/**
 * The TEI reader for GROBID output: `<ref type="bibr" target="#b12">` markers in body paragraphs,
 * `<biblStruct xml:id="b12">` in the back. GROBID writes flat `<div>`s with numbered heads
 * (`<head n="2.1">`): a div numbered under the previous top-level one ("2" then "2.1") belongs to it,
 * and a div without a head continues the section before it.
 */
import { type Diagnostic, diagnostic } from "../../../core/diagnostic.js";
import type { ParsedDocument } from "../../../core/document.js";
import type { SectionContext } from "../flow/flow.js";
import { BLOCK, CONTAINER, FlowHandler, REGION, SECTION, TITLE } from "../flow/handler.js";
import type { XNode } from "../xml/tree.js";
import { type TeiHeader, teiWork } from "./meta.js";
import { teiReference } from "./references.js";

const BLOCKS: ReadonlySet<string> = new Set(["p", "figDesc", "note", "item", "cell", "quote"]);
const CONTAINERS: ReadonlySet<string> = new Set(["figure", "table", "list", "row", "listBibl", "graphic"]);
const SKIP: ReadonlySet<string> = new Set(["label", "desc", "trash"]);
const HEADER_PARTS: ReadonlySet<string> = new Set(["titleStmt", "publicationStmt", "sourceDesc"]);

/** Reads one GROBID `<TEI>` document (a `<head>` is a section title: TITLE closes it with `closeTitle`). */
export class TeiHandler extends FlowHandler {
  /** `breaks`: whether the document has any tab or line break (see `needsCollapse`). */
  constructor(breaks = true) {
    super(breaks);
  }

  private readonly heads: { readonly n: string | null; readonly top: boolean }[] = [];
  private readonly header: TeiHeader = { titleStmt: null, publicationStmt: null, sourceDesc: null, abstract: null };
  private readonly bibl: XNode[] = [];
  private abstractCtx: SectionContext | null = null;
  private lastTop: SectionContext | null = null;
  private lastTopNumber: string | null = null;
  private sawBody = false;

  protected element(name: string, attrs: Readonly<Record<string, string>>, parent: string | undefined): number {
    const flow = this.flow;
    let undo = 0;
    if (parent === "fileDesc" && HEADER_PARTS.has(name)) {
      return this.startCapture(name, attrs, (n) => {
        if (name === "titleStmt") this.header.titleStmt = n;
        else if (name === "publicationStmt") this.header.publicationStmt = n;
        else this.header.sourceDesc = n;
      });
    }
    switch (name) {
      case "biblStruct":
        return this.startCapture(name, attrs, (n) => this.bibl.push(n));
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
          undo = TITLE;
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
            undo = this.marker(ids);
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
          return this.skip();
        }
    }
    return undo;
  }

  /** A div's head: it starts a new top-level section unless its number continues the last one. */
  protected override closeTitle(): void {
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
