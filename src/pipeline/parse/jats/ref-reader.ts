/**
 * Streams one JATS `<ref>` into a `ReferenceEntry` without building a tree: element-citation (eLife),
 * mixed-citation and nlm-citation (PLOS, PMC). Text goes to the raw text and to the innermost open
 * field; fields are read from the first citation of a ref, raw text from all of them.
 */
import type { Person, ReferenceEntry } from "../../../core/document.js";
import { type Doi, normalizeDoi } from "../../../core/ids.js";
import { collapse } from "../xml/tree.js";

const BOOKISH: ReadonlySet<string> = new Set(["book", "thesis", "report", "confproc", "software", "web", "other"]);

// What an element inside a ref is, looked up once (one Map lookup, then a switch on a small number).
const K_LABEL = 1;
const K_CITATION = 2;
/** Its text is a field of the reference (the first of each name counts). */
const K_FIELD = 3;
const K_PUB_ID = 4;
const K_LINK = 5;
const K_GROUP = 6;
const K_ETAL = 7;
const K_PERSON = 8;
/** Its text is a part of the name being read. */
const K_NAME_PART = 9;
/** Inside a collab, its text is not part of the group's name. */
const K_NOT_NAME = 10;

const KINDS = new Map<string, number>([
  ["label", K_LABEL],
  ...["element-citation", "mixed-citation", "nlm-citation", "citation"].map((n) => [n, K_CITATION] as const),
  ...[
    "article-title",
    "chapter-title",
    "data-title",
    "source",
    "volume",
    "fpage",
    "lpage",
    "elocation-id",
    "page-range",
    "year",
    "comment",
  ].map((n) => [n, K_FIELD] as const),
  ["pub-id", K_PUB_ID],
  ["ext-link", K_LINK],
  ["uri", K_LINK],
  ["person-group", K_GROUP],
  ["etal", K_ETAL],
  ...["name", "string-name", "collab"].map((n) => [n, K_PERSON] as const),
  ["surname", K_NAME_PART],
  ["given-names", K_NAME_PART],
  ["contrib-group", K_NOT_NAME],
  ["xref", K_NOT_NAME],
]);

/** A name being read; its parts are indexes into the reader's text buffers (-1: none yet). */
interface PersonDraft {
  readonly kind: string;
  surname: number;
  given: number;
  readonly whole: number;
}

interface Group {
  readonly type: string | null;
  readonly people: Person[];
  etal: boolean;
}

/** Builds one reference from the events between `<ref>` and `</ref>`. */
export class RefReader {
  private readonly id: string | null;
  private depth = 1;
  private citDepth = 0;
  private citations = 0;
  private citationType: string | null = null;
  private citationId: string | null = null;
  private mixed = false;
  private readonly raw: string[] = [];
  private readonly rawPieces: string[] = [];
  private skip = 0;
  /** Text collectors (a field, a pub-id, a name part), appended to by `+=`. */
  private readonly buf: string[] = [];
  /** The first element of each field name, as an index into `buf`. */
  private readonly fields = new Map<string, number>();
  /** The open elements' collectors (index into `buf`, -1 for none). */
  private readonly sinks: number[] = [];
  private readonly closers: number[] = [];
  private readonly pubIds: { readonly type: string; readonly at: number }[] = [];
  private readonly links: string[] = [];
  private readonly groups: Group[] = [];
  private readonly direct: Group = { type: "direct", people: [], etal: false };
  private group: Group | null = null;
  private person: PersonDraft | null = null;
  private readonly orphanText: string[] = [];
  /** All the text of the first citation (a structured one's raw is rebuilt, so a `<comment>doi:...` is only here). */
  private citationText = "";

  constructor(attrs: Readonly<Record<string, string>>) {
    this.id = attrs.id ?? null;
  }

  /** An element opens inside the ref. */
  open(name: string, attrs: Readonly<Record<string, string>>): void {
    this.depth++;
    let closer = 0;
    let sink = this.sinks.length > 0 ? (this.sinks[this.sinks.length - 1] as number) : -1;
    const kind = KINDS.get(name) ?? 0;
    if (this.skip > 0 || kind === K_LABEL) {
      this.skip++;
      closer = SKIP;
    } else if (this.citDepth === 0) {
      if (kind === K_CITATION) {
        this.citDepth = this.depth;
        this.citations++;
        this.mixed = false;
        if (this.citations === 1) {
          this.citationType = attrs["publication-type"] ?? attrs["citation-type"] ?? null;
          this.citationId = attrs.id ?? null;
        }
        closer = CITATION;
      }
    } else if (this.citations === 1 && kind !== 0) {
      switch (kind) {
        case K_FIELD:
          if (this.person === null && !this.fields.has(name)) {
            sink = this.collector();
            this.fields.set(name, sink);
          }
          break;
        case K_PUB_ID:
          sink = this.collector();
          this.pubIds.push({ type: (attrs["pub-id-type"] ?? "").toLowerCase(), at: sink });
          break;
        case K_LINK: {
          const href = attrs["xlink:href"];
          if (href !== undefined && (attrs["ext-link-type"] === "doi" || /doi\.org\//i.test(href)))
            this.links.push(href);
          break;
        }
        case K_GROUP:
          this.group = { type: attrs["person-group-type"] ?? null, people: [], etal: false };
          this.groups.push(this.group);
          closer = GROUP;
          break;
        case K_ETAL:
          (this.group ?? this.direct).etal = true;
          break;
        case K_PERSON:
          if (this.person === null) {
            this.person = { kind: name, surname: -1, given: -1, whole: this.collector() };
            sink = this.person.whole;
            closer = PERSON;
          }
          break;
        case K_NAME_PART:
          if (this.person !== null) {
            const p = this.person;
            if (name === "surname") sink = p.surname = p.surname >= 0 ? p.surname : this.collector();
            else sink = p.given = p.given >= 0 ? p.given : this.collector();
            // Name parts carry no space between them ("<surname>Burks</surname><given-names>C</given-names>").
            this.raw.push(" ");
          }
          break;
        case K_NOT_NAME:
          if (this.person?.kind === "collab") sink = -1; // a collab's member list is not its name
          break;
      }
    }
    this.sinks.push(sink);
    this.closers.push(closer);
  }

  /** A new, empty text collector; its index. */
  private collector(): number {
    this.buf.push("");
    return this.buf.length - 1;
  }

  /** Text inside the ref. */
  text(t: string): void {
    if (this.skip > 0) return;
    if (this.citDepth === 0) {
      this.orphanText.push(t);
      return;
    }
    this.raw.push(t);
    if (this.depth === this.citDepth && !this.mixed && /\S/.test(t)) this.mixed = true;
    const sink = this.sinks.length > 0 ? (this.sinks[this.sinks.length - 1] as number) : -1;
    if (sink >= 0) this.buf[sink] += t;
  }

  /** An element closes; true when it was the `<ref>` itself. */
  close(): boolean {
    if (--this.depth === 0) return true;
    this.sinks.pop();
    const closer = this.closers.pop() ?? 0;
    if (closer === SKIP) this.skip--;
    else if (closer === CITATION) {
      this.citDepth = 0;
      if (this.citations === 1) this.citationText = this.raw.join("");
      this.rawPieces.push(this.mixed ? collapse(this.raw.join("")) : this.structuredRaw());
      this.raw.length = 0;
    } else if (closer === GROUP) this.group = null;
    else if (closer === PERSON) this.endPerson();
    return false;
  }

  private endPerson(): void {
    const d = this.person as PersonDraft;
    this.person = null;
    const surname = d.surname >= 0 ? collapse(this.buf[d.surname] as string) : "";
    const given = d.given >= 0 ? collapse(this.buf[d.given] as string) : "";
    let person: Person | null;
    if (d.kind === "collab" || surname === "") {
      const whole =
        d.kind === "collab" ? collapse(this.buf[d.whole] as string) : given || collapse(this.buf[d.whole] as string);
      person = whole === "" ? null : { surname: whole, given: null, orcid: null };
    } else person = { surname, given: given === "" ? null : given, orcid: null };
    if (person !== null) (this.group ?? this.direct).people.push(person);
  }

  private field(name: string): string | null {
    const at = this.fields.get(name);
    if (at === undefined) return null;
    const t = collapse(this.buf[at] as string);
    return t === "" ? null : t;
  }

  private pubId(type: string): string | null {
    for (const p of this.pubIds) {
      if (p.type === type) {
        const t = collapse(this.buf[p.at] as string);
        if (t !== "") return t;
      }
    }
    return null;
  }

  private pages(): string | null {
    const fpage = this.field("fpage");
    const lpage = this.field("lpage");
    if (fpage !== null) return lpage !== null && lpage !== fpage ? `${fpage}-${lpage}` : fpage;
    return this.field("elocation-id") ?? this.field("page-range");
  }

  private authors(): Group {
    return (
      this.groups.find((g) => g.type === "author") ??
      this.groups.find((g) => g.type === null) ??
      this.groups[0] ??
      this.direct
    );
  }

  /** A structured citation (no punctuation of its own) laid out plainly. */
  private structuredRaw(): string {
    if (this.citations > 1) return collapse(this.raw.join(" "));
    const pieces: string[] = [];
    const group = this.authors();
    const names = group.people.map((p) => (p.given === null ? p.surname : `${p.surname} ${p.given}`));
    if (group.etal) names.push("et al");
    if (names.length > 0) pieces.push(names.join(", "));
    const year = this.field("year");
    if (year !== null) pieces.push(`(${year})`);
    const title = this.field("article-title") ?? this.field("chapter-title") ?? this.field("data-title");
    if (title !== null) pieces.push(/[.?!]$/.test(title) ? title : `${title}.`);
    const where: string[] = [];
    const source = this.field("source");
    if (source !== null) where.push(source);
    const volume = this.field("volume");
    const pages = this.pages();
    if (volume !== null) where.push(pages !== null ? `${volume}:${pages}` : volume);
    else if (pages !== null) where.push(pages);
    if (where.length > 0) pieces.push(`${where.join(" ")}.`);
    const comment = this.field("comment");
    if (comment !== null) pieces.push(comment);
    const doi = this.pubId("doi");
    if (doi !== null) pieces.push(`doi:${doi}`);
    return pieces.length > 0 ? pieces.join(" ") : collapse(this.raw.join(" "));
  }

  /** The finished entry; `position` (0-based) names a ref that has no id. */
  build(position: number): ReferenceEntry {
    const raw = this.rawPieces.length > 0 ? this.rawPieces.join(" ") : collapse(this.orphanText.join(""));
    const type = this.citationType;
    const source = this.field("source");
    const title =
      this.field("article-title") ??
      this.field("chapter-title") ??
      this.field("data-title") ??
      (type !== null && BOOKISH.has(type) ? source : null);
    return {
      id: this.id ?? this.citationId ?? `ref-${position + 1}`,
      raw,
      doi: this.doi(raw),
      pmid: this.pubId("pmid"),
      title,
      authors: this.authors().people,
      year: this.year(raw),
      source,
      volume: this.field("volume"),
      pages: this.pages(),
      publicationType: type,
    };
  }

  private doi(raw: string): Doi | null {
    const fromId = normalizeDoi(this.pubId("doi"));
    if (fromId !== null) return fromId;
    for (const href of this.links) {
      const d = normalizeDoi(href);
      if (d !== null) return d;
    }
    const text = /doi/i.test(raw) ? raw : /doi/i.test(this.citationText) ? this.citationText : null;
    if (text === null) return null;
    const m = DOI_IN_TEXT.exec(text);
    return m?.[1] === undefined ? null : normalizeDoi(m[1]);
  }

  private year(raw: string): number | null {
    const y = this.field("year");
    const m = YEAR.exec(y ?? (this.mixed ? raw : ""));
    return m?.[1] === undefined ? null : Number(m[1]);
  }
}

const SKIP = 1;
const CITATION = 2;
const GROUP = 3;
const PERSON = 4;
const DOI_IN_TEXT = /(?:\bdoi\s*:?\s*|doi\.org\/)(10\.\d{4,9}\/[^\s<>"]+)/i;
const YEAR = /\b(1[5-9]\d\d|20\d\d)/;
