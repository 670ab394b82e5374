/** One GROBID `<biblStruct xml:id="b12">` of the reference list. */
import type { ReferenceEntry } from "../../../core/document.js";
import { normalizeDoi } from "../../../core/ids.js";
import { child, children, descendants, find, textOf, type XNode } from "../xml/tree.js";
import { teiAuthors, teiYear } from "./people.js";

/** The reference entry of a captured `<biblStruct>`; `position` (0-based) names it when it has no id. */
export function teiReference(bibl: XNode, position: number): ReferenceEntry {
  const analytic = child(bibl, "analytic");
  const monogr = child(bibl, "monogr");
  const analyticTitle = titleIn(analytic);
  const monogrTitle = titleIn(monogr);
  const level = children(monogr, "title")[0]?.attrs.level ?? null;
  const authors = teiAuthors(analytic);
  const imprint = child(monogr, "imprint");
  const raw = textOf(children(bibl, "note").find((n) => n.attrs.type === "raw_reference")) || textOf(bibl);
  return {
    id: bibl.attrs["xml:id"] ?? `b${position}`,
    raw,
    doi: normalizeDoi(idno(bibl, "doi")),
    pmid: idno(bibl, "pmid"),
    title: analyticTitle ?? monogrTitle,
    authors: authors.length > 0 ? authors : teiAuthors(monogr),
    year: teiYear(find(imprint, "date")),
    source: analyticTitle !== null ? monogrTitle : null,
    volume: scope(imprint, "volume"),
    pages: pages(imprint),
    publicationType: level === "j" ? "journal" : level === "m" ? (analytic !== undefined ? "chapter" : "book") : null,
  };
}

function titleIn(node: XNode | undefined): string | null {
  const titles = children(node, "title");
  const main = titles.find((t) => t.attrs.type === "main") ?? titles[0];
  const t = textOf(main);
  return t === "" ? null : t;
}

function idno(bibl: XNode, type: string): string | null {
  const node = descendants(bibl, "idno").find((i) => i.attrs.type?.toLowerCase() === type);
  const t = textOf(node);
  return t === "" ? null : t;
}

function scope(imprint: XNode | undefined, unit: string): string | null {
  const s = children(imprint, "biblScope").find((b) => b.attrs.unit === unit);
  const t = textOf(s);
  return t === "" ? null : t;
}

function pages(imprint: XNode | undefined): string | null {
  const s = children(imprint, "biblScope").find((b) => b.attrs.unit === "page");
  if (s === undefined) return null;
  const from = s.attrs.from;
  const to = s.attrs.to;
  if (from !== undefined) return to !== undefined && to !== from ? `${from}-${to}` : from;
  const t = textOf(s);
  return t === "" ? null : t;
}
