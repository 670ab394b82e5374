/** People in JATS: `name`, `string-name` and `collab` (a group author), with ORCID from `contrib-id`. */
import type { Person } from "../../../core/document.js";
import { child, collapse, textOf, type XNode } from "../xml/tree.js";

const ORCID = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/i;

/** A bare ORCID (`0000-0002-1825-0097`) from any written form (URL or bare), or null. */
export function bareOrcid(text: string | null | undefined): string | null {
  const m = text == null ? null : ORCID.exec(text);
  return m?.[1] === undefined ? null : m[1].toUpperCase();
}

/** The person a `name`, `string-name` or `collab` element names, or null when it names nobody. */
export function personOf(node: XNode, orcid: string | null = null): Person | null {
  if (node.name === "collab") {
    // A group author; its member list (a nested contrib-group) is not part of its name.
    const name = textOf(node, COLLAB_SKIP);
    return name === "" ? null : { surname: name, given: null, orcid };
  }
  if (node.name === "name-alternatives") {
    const first = node.children.find((c): c is XNode => typeof c !== "string");
    return first === undefined ? null : personOf(first, orcid);
  }
  const surname = textOf(child(node, "surname"));
  const given = textOf(child(node, "given-names"));
  if (surname === "") {
    // A string-name with no parts, or a name with only given names (mononyms).
    const whole = given !== "" ? given : collapse(textOf(node));
    return whole === "" ? null : { surname: whole, given: null, orcid };
  }
  return { surname, given: given === "" ? null : given, orcid };
}

const COLLAB_SKIP: ReadonlySet<string> = new Set(["contrib-group", "xref", "fn"]);

const PERSON_ELEMENTS: ReadonlySet<string> = new Set(["name", "string-name", "collab", "name-alternatives"]);

/** The people named directly inside an element (a person-group, a citation), in order. */
export function peopleIn(node: XNode | undefined): Person[] {
  const out: Person[] = [];
  if (node === undefined) return out;
  for (const c of node.children) {
    if (typeof c === "string" || !PERSON_ELEMENTS.has(c.name)) continue;
    const p = personOf(c);
    if (p !== null) out.push(p);
  }
  return out;
}
