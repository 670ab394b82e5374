/** The work metadata of a GROBID TEI document, from its captured header parts. */
import type { WorkMeta } from "../../../core/document.js";
import { normalizeDoi } from "../../../core/ids.js";
import { child, children, descendants, find, textOf, type XNode } from "../xml/tree.js";
import { teiAuthors, teiYear } from "./people.js";

/** What the TEI handler keeps of `<teiHeader>`. */
export interface TeiHeader {
  titleStmt: XNode | null;
  publicationStmt: XNode | null;
  sourceDesc: XNode | null;
  abstract: string[] | null;
}

/** The work metadata from the captured header. */
export function teiWork(h: TeiHeader): WorkMeta {
  const bibl = child(h.sourceDesc, "biblStruct");
  const analytic = child(bibl, "analytic");
  const monogr = child(bibl, "monogr");
  const titles = children(h.titleStmt, "title");
  const title = textOf(titles.find((t) => t.attrs.type === "main") ?? titles[0]) || textOf(child(analytic, "title"));
  const doiNode = descendants(bibl, "idno").find((i) => i.attrs.type?.toLowerCase() === "doi");
  const journal = children(monogr, "title").find((t) => t.attrs.level === "j");
  const abstract = (h.abstract ?? []).join("\n");
  return {
    doi: normalizeDoi(textOf(doiNode) || null),
    title: title === "" ? null : title,
    authors: teiAuthors(analytic),
    journal: journal === undefined ? null : textOf(journal) || null,
    year: teiYear(child(h.publicationStmt, "date")) ?? teiYear(find(child(monogr, "imprint"), "date")),
    publicationType: null,
    abstract: abstract === "" ? null : abstract,
    license: licenseOf(h.publicationStmt),
  };
}

function licenseOf(publicationStmt: XNode | null): string | null {
  const licence = find(publicationStmt, "licence");
  if (licence === undefined) return null;
  const target = licence.attrs.target?.trim();
  if (target) return target;
  const t = textOf(licence);
  return t === "" ? null : t;
}
