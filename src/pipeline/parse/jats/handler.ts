/**
 * The JATS reader (eLife, PLOS, PubMed Central dialects): one pass over saxes events. The body streams
 * into paragraphs (../flow); only small parts (a `<ref>`, a contrib group, the title) are captured as
 * tiny trees. Which call each element gets is decided here and nowhere else.
 */
import type { Diagnostic } from "../../../core/diagnostic.js";
import { diagnostic } from "../../../core/diagnostic.js";
import type { ParsedDocument, ReferenceEntry } from "../../../core/document.js";
import type { SectionContext } from "../flow/flow.js";
import { BLOCK, CONTAINER, FlowHandler, OWN, REGION, SECTION, TAKEN, TITLE } from "../flow/handler.js";
import { textOf, type XNode } from "../xml/tree.js";
import { emptyFront, type JatsFront, jatsWork } from "./meta.js";
import { RefReader } from "./ref-reader.js";

// What an element is, looked up once per element (one Map lookup, then a switch on a small number).
const ARTICLE = 1;
const REF = 2;
const META_LIST = 3;
const PERMISSIONS = 4;
const TITLE_GROUP = 5;
const JOURNAL = 6;
const ABSTRACT = 7;
const REGION_EL = 8;
const SUB_ARTICLE = 9;
const TITLE_EL = 10;
const XREF = 11;
/** A block of running text: the innermost one receives the text inside it. */
const BLOCK_EL = 12;
/** A section: its first `<title>` is its heading. */
const SECTION_EL = 13;
/** An element whose own text belongs to no paragraph (its blocks still do): figures, tables, lists. */
const CONTAINER_EL = 14;
/** An element whose text is dropped wherever it stands (labels, alternative text, TeX source). */
const SKIP_EL = 15;
/** A block kept only when it cites (a figure's permissions: "Reproduced from Smith et al., 2010"). */
const CITING_BLOCK_EL = 16;

const KINDS = new Map<string, number>([
  ["article", ARTICLE],
  ["ref", REF],
  ["article-id", META_LIST],
  ["contrib-group", META_LIST],
  ["pub-date", META_LIST],
  ["permissions", PERMISSIONS],
  ["title-group", TITLE_GROUP],
  ["journal-title-group", JOURNAL],
  ["journal-title", JOURNAL],
  ["journal-id", JOURNAL],
  ["abstract", ABSTRACT],
  ["body", REGION_EL],
  ["back", REGION_EL],
  ["floats-group", REGION_EL],
  ["sub-article", SUB_ARTICLE],
  ["response", SUB_ARTICLE],
  ["title", TITLE_EL],
  ["xref", XREF],
  ["license-p", CITING_BLOCK_EL],
  ["copyright-statement", CITING_BLOCK_EL],
  ...["p", "td", "th", "list-item", "attrib", "def", "term", "verse-line"].map((n) => [n, BLOCK_EL] as const),
  ...["sec", "app", "ack", "notes", "bio"].map((n) => [n, SECTION_EL] as const),
  ...[
    "fig",
    "fig-group",
    "table-wrap",
    "table-wrap-group",
    "table-wrap-foot",
    "table",
    "boxed-text",
    "list",
    "def-list",
    "disp-quote",
    "supplementary-material",
    "caption",
    "fn",
    "fn-group",
    "media",
    "graphic",
    "glossary",
    "app-group",
    "ref-list",
    "chem-struct-wrap",
    "statement",
    "verse-group",
  ].map((n) => [n, CONTAINER_EL] as const),
  ...[
    "label",
    "object-id",
    "tex-math",
    "mml:annotation",
    "mml:annotation-xml",
    "alt-text",
    "long-desc",
    "inline-graphic",
  ].map((n) => [n, SKIP_EL] as const),
]);
const SECTIONS: ReadonlySet<string> = new Set(["sec", "app", "ack", "notes", "bio", "abstract"]);
const DEFAULT_HEADINGS: Readonly<Record<string, string>> = {
  ack: "Acknowledgements",
  notes: "Notes",
  bio: "Biography",
};

/** Undo bit of a sub-article (decision letter, author response): back to the enclosing one. */
const SUB = OWN;

/** Reads one JATS `<article>`; `finish` gives the document once saxes has read it all. */
export class JatsHandler extends FlowHandler {
  /** `breaks`: whether the document has any tab or line break (see `needsCollapse`). */
  constructor(breaks = true) {
    super(breaks);
  }

  private readonly front: JatsFront = emptyFront();
  private readonly refs: ReferenceEntry[] = [];
  private ref: RefReader | null = null;
  private readonly subTypes: (string | null)[] = [];
  private subTitle: string | null = null;
  private mainAbstract: SectionContext | null = null;
  private sawBody = false;

  // A reference being read takes every event until it closes.
  override open(name: string, attrs: Readonly<Record<string, string>>): void {
    if (this.ref !== null) this.ref.open(name, attrs);
    else super.open(name, attrs);
  }

  override text(text: string): void {
    if (this.ref !== null) this.ref.text(text);
    else super.text(text);
  }

  override close(name: string): void {
    if (this.ref === null) return super.close(name);
    if (this.ref.close()) {
      this.refs.push(this.ref.build(this.refs.length));
      this.ref = null;
    }
  }

  protected element(name: string, attrs: Readonly<Record<string, string>>, parent: string | undefined): number {
    const flow = this.flow;
    let undo = 0;
    switch (KINDS.get(name) ?? 0) {
      case 0:
        break;
      case ARTICLE:
        if (parent === undefined) this.front.articleType = attrs["article-type"] ?? null;
        break;
      case REF:
        this.ref = new RefReader(attrs);
        return TAKEN;
      case META_LIST:
        if (parent === "article-meta") return this.captureInto(name, attrs, front(this.front, name));
        break;
      case PERMISSIONS:
        if (parent === "article-meta") return this.startCapture(name, attrs, (n) => (this.front.permissions = n));
        if (!flow.active) break;
        flow.openContainer();
        undo = CONTAINER;
        break;
      case TITLE_GROUP:
        if (parent === "article-meta") return this.startCapture(name, attrs, (n) => (this.front.titleGroup = n));
        if (parent === "front-stub") return this.startCapture(name, attrs, (n) => (this.subTitle = subTitleOf(n)));
        break;
      case JOURNAL:
        if (parent === "journal-meta") return this.startCapture(name, attrs, (n) => this.front.journal.push(n));
        break;
      case ABSTRACT:
        if (parent === "article-meta") {
          flow.openRegion();
          const ctx = flow.openSection({ fixedKind: "other", heading: "Abstract" });
          if (this.mainAbstract === null && isMainAbstract(attrs["abstract-type"])) this.mainAbstract = ctx;
          undo = REGION | SECTION;
        }
        break;
      case REGION_EL:
        if (name === "body" && this.subTypes.length === 0) this.sawBody = true;
        flow.openRegion(this.subTypes.length > 0 && name === "body" ? (this.subTitle ?? "") : "");
        undo = REGION;
        break;
      case SUB_ARTICLE: {
        const type = subArticleType(name, attrs["article-type"] ?? attrs["response-type"]);
        this.subTypes.push(type);
        flow.subArticle = type;
        this.subTitle = null;
        undo = SUB;
        break;
      }
      case TITLE_EL:
        if (!flow.active) break;
        if (parent !== undefined && SECTIONS.has(parent)) {
          flow.openTitle();
          undo = TITLE;
        } else if (parent === "caption") {
          flow.openBlock("always");
          undo = BLOCK;
        } else if (parent === "ref-list") {
          return this.skip();
        } else {
          flow.openBlock("markers");
          undo = BLOCK;
        }
        break;
      case XREF:
        if (flow.active && attrs["ref-type"] === "bibr") {
          const rid = attrs.rid?.trim() ?? "";
          if (rid !== "") {
            undo = this.marker(rid.split(/\s+/));
          }
        }
        break;
      case BLOCK_EL:
        if (!flow.active) break;
        flow.openBlock("always");
        undo = BLOCK;
        break;
      case CITING_BLOCK_EL:
        if (!flow.active) break;
        flow.openBlock("markers");
        undo = BLOCK;
        break;
      case SECTION_EL:
        if (!flow.active) break;
        flow.openSection({ secType: attrs["sec-type"] ?? null, heading: DEFAULT_HEADINGS[name] ?? "" });
        undo = SECTION;
        break;
      case CONTAINER_EL:
        if (!flow.active) break;
        flow.openContainer();
        undo = CONTAINER;
        break;
      case SKIP_EL:
        if (!flow.active) break;
        return this.skip();
    }
    return undo;
  }

  protected override closeOwn(undo: number): void {
    if (undo & SUB) {
      this.subTypes.pop();
      this.flow.subArticle = this.subTypes[this.subTypes.length - 1] ?? null;
    }
  }

  private captureInto(name: string, attrs: Readonly<Record<string, string>>, list: XNode[]): number {
    return this.startCapture(name, attrs, (n) => list.push(n));
  }

  /** The document and the warnings about it (call once the whole file has been read). */
  finish(file: string): { document: ParsedDocument; diagnostics: Diagnostic[] } {
    if (this.mainAbstract !== null) this.front.abstract = this.flow.textsOf(this.mainAbstract);
    const references = this.refs;
    const document: ParsedDocument = {
      format: "jats",
      work: jatsWork(this.front),
      paragraphs: this.flow.paragraphs(),
      references,
    };
    const diagnostics: Diagnostic[] = [];
    const warn = (code: string, reason: string) =>
      diagnostics.push(diagnostic(file, "parse", code, reason, { severity: "warning" }));
    if (!this.sawBody) warn("no-body", "the article has no <body>: only its metadata and references are kept");
    if (references.length === 0) warn("no-references", "the article has no reference list: it cites nothing");
    if (this.droppedMarkers > 0) {
      warn(
        "marker-outside-text",
        `${this.droppedMarkers} citation marker(s) stand outside any paragraph and were skipped`,
      );
    }
    return { document, diagnostics };
  }
}

function front(f: JatsFront, name: string): XNode[] {
  return name === "article-id" ? f.articleIds : name === "contrib-group" ? f.contribGroups : f.pubDates;
}

/** The main abstract has no type, or a type that is not a summary for lay readers or a teaser. */
function isMainAbstract(type: string | undefined): boolean {
  return type === undefined || !/summary|digest|toc|teaser|editor|web|precis|graphical/i.test(type);
}

/** eLife marks the decision letter `article-commentary` and the author response `reply`. */
function subArticleType(element: string, type: string | undefined): string {
  if (type === "article-commentary" || type === "decision-letter") return "decision-letter";
  if (type === "reply" || type === "author-comment") return "reply";
  return type ?? element;
}

function subTitleOf(titleGroup: XNode): string {
  const title = titleGroup.children.find((c): c is XNode => typeof c !== "string" && c.name === "article-title");
  return title === undefined ? "" : textOf(title);
}
