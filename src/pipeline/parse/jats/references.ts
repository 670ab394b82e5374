/** One JATS `<ref>` (element-citation as eLife writes it, mixed-citation and nlm-citation as PLOS and PMC do). */
import type { Person, ReferenceEntry } from "../../../core/document.js";
import { type Doi, normalizeDoi } from "../../../core/ids.js";
import { child, children, indexNodes, type NodeIndex, textOf, type XNode } from "../xml/tree.js";
import { peopleIn } from "./names.js";

const CITATIONS: ReadonlySet<string> = new Set(["element-citation", "mixed-citation", "nlm-citation", "citation"]);
const BOOKISH: ReadonlySet<string> = new Set(["book", "thesis", "report", "confproc", "software", "web", "other"]);
const LABEL: ReadonlySet<string> = new Set(["label"]);
const MANY: ReadonlySet<string> = new Set(["pub-id", "ext-link", "uri"]);

/** The reference entry of a captured `<ref>`; `position` (0-based) names it when it has no id. */
export function jatsReference(ref: XNode, position: number): ReferenceEntry {
  const cits = ref.children.filter((c): c is XNode => typeof c !== "string" && CITATIONS.has(c.name));
  const cit = cits[0] ?? ref;
  const ix = indexNodes(cit, MANY);
  const raw =
    cits.length > 0
      ? cits.map((c) => (c === cit ? rawOf(c, ix) : rawOf(c, indexNodes(c, MANY)))).join(" ")
      : textOf(ref, LABEL);
  const type = cit.attrs["publication-type"] ?? cit.attrs["citation-type"] ?? null;
  const source = ix.text("source");
  const title =
    ix.text("article-title") ??
    ix.text("chapter-title") ??
    ix.text("data-title") ??
    (type !== null && BOOKISH.has(type) ? source : null);
  return {
    id: ref.attrs.id ?? cit.attrs.id ?? `ref-${position + 1}`,
    raw,
    doi: doiOf(ix, raw),
    pmid: pubId(ix, "pmid"),
    title,
    authors: authorsOf(cit),
    year: yearOf(cit, ix, raw),
    source,
    volume: ix.text("volume"),
    pages: pagesOf(ix),
    publicationType: type,
  };
}

function pubId(ix: NodeIndex, type: string): string | null {
  for (const p of ix.all("pub-id")) {
    if (p.attrs["pub-id-type"]?.toLowerCase() === type) {
      const t = textOf(p);
      if (t !== "") return t;
    }
  }
  return null;
}

const DOI_IN_TEXT = /(?:\bdoi\s*:?\s*|doi\.org\/)(10\.\d{4,9}\/[^\s<>"]+)/i;

function doiOf(ix: NodeIndex, raw: string): Doi | null {
  const fromId = normalizeDoi(pubId(ix, "doi"));
  if (fromId !== null) return fromId;
  for (const link of [...ix.all("ext-link"), ...ix.all("uri")]) {
    const href = link.attrs["xlink:href"] ?? textOf(link);
    if (link.attrs["ext-link-type"] === "doi" || /doi\.org\//i.test(href)) {
      const d = normalizeDoi(href);
      if (d !== null) return d;
    }
  }
  if (!/doi/i.test(raw)) return null;
  const m = DOI_IN_TEXT.exec(raw);
  return m?.[1] === undefined ? null : normalizeDoi(m[1]);
}

function authorsOf(cit: XNode): Person[] {
  const groups = children(cit, "person-group");
  const authors = groups.find((g) => g.attrs["person-group-type"] === "author");
  if (authors !== undefined) return peopleIn(authors);
  const untyped = groups.find((g) => g.attrs["person-group-type"] === undefined);
  if (untyped !== undefined) return peopleIn(untyped);
  return peopleIn(cit);
}

const YEAR = /\b(1[5-9]\d\d|20\d\d)/;

function yearOf(cit: XNode, ix: NodeIndex, raw: string): number | null {
  const y = ix.first("year");
  const text = y === undefined ? (isMixed(cit) ? raw : "") : (y.attrs["iso-8601-date"] ?? textOf(y));
  const m = YEAR.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

function pagesOf(ix: NodeIndex): string | null {
  const fpage = ix.text("fpage");
  const lpage = ix.text("lpage");
  if (fpage !== null) return lpage !== null && lpage !== fpage ? `${fpage}-${lpage}` : fpage;
  return ix.text("elocation-id") ?? ix.text("page-range");
}

/** A mixed citation carries its own punctuation as text between elements. */
function isMixed(cit: XNode): boolean {
  for (const c of cit.children) if (typeof c === "string" && c.trim() !== "") return true;
  return false;
}

/** The reference as printed: a mixed citation's own text, or a structured one laid out plainly. */
function rawOf(cit: XNode, ix: NodeIndex): string {
  if (isMixed(cit)) return textOf(cit, LABEL);
  const pieces: string[] = [];
  const names = peopleNames(cit);
  if (names !== "") pieces.push(names);
  const year = ix.text("year");
  if (year !== null) pieces.push(`(${year})`);
  const title = ix.text("article-title") ?? ix.text("chapter-title") ?? ix.text("data-title");
  if (title !== null) pieces.push(/[.?!]$/.test(title) ? title : `${title}.`);
  const where: string[] = [];
  const source = ix.text("source");
  if (source !== null) where.push(source);
  const volume = ix.text("volume");
  const pages = pagesOf(ix);
  if (volume !== null) where.push(pages !== null ? `${volume}:${pages}` : volume);
  else if (pages !== null) where.push(pages);
  if (where.length > 0) pieces.push(`${where.join(" ")}.`);
  const doi = pubId(ix, "doi");
  if (doi !== null) pieces.push(`doi:${doi}`);
  const out = pieces.join(" ");
  return out === "" ? textOf(cit, LABEL) : out;
}

function peopleNames(cit: XNode): string {
  const group = children(cit, "person-group")[0] ?? cit;
  const names = peopleIn(group).map((p) => (p.given === null ? p.surname : `${p.surname} ${p.given}`));
  if (child(group, "etal") !== undefined) names.push("et al");
  return names.join(", ");
}
