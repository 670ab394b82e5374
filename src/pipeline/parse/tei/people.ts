/** People in TEI as GROBID writes them: `author/persName/forename+surname`, ORCID in `idno`. */
import type { Person } from "../../../core/document.js";
import { bareOrcid } from "../jats/names.js";
import { child, children, textOf, type XNode } from "../xml/tree.js";

/** The person an `<author>` names, or null (GROBID also writes affiliation-only authors). */
export function teiPerson(author: XNode): Person | null {
  const pers = child(author, "persName");
  if (pers === undefined) return null;
  const surname = textOf(child(pers, "surname"));
  const given = children(pers, "forename")
    .map((f) => textOf(f))
    .filter((f) => f !== "")
    .join(" ");
  const orcidNode = children(author, "idno").find((i) => i.attrs.type?.toLowerCase() === "orcid");
  const orcid = bareOrcid(orcidNode === undefined ? null : textOf(orcidNode));
  if (surname === "") return given === "" ? null : { surname: given, given: null, orcid };
  return { surname, given: given === "" ? null : given, orcid };
}

/** The people of every `<author>` child of a node, in order. */
export function teiAuthors(node: XNode | undefined): Person[] {
  const out: Person[] = [];
  for (const a of children(node, "author")) {
    const p = teiPerson(a);
    if (p !== null) out.push(p);
  }
  return out;
}

/** The first four-digit year in a TEI `<date>` (its `when` attribute, else its text). */
export function teiYear(date: XNode | undefined): number | null {
  if (date === undefined) return null;
  const m = /\b(1[5-9]\d\d|20\d\d)/.exec(date.attrs.when ?? textOf(date));
  return m?.[1] === undefined ? null : Number(m[1]);
}
