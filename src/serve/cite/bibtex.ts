/** BibTeX entries for a work. */
import type { WorkSummary } from "../../core/report.js";
import { surnameGiven } from "./names.js";

/** Escapes BibTeX specials so a field value stays inside its braces and means its text. */
export function bibtexEscape(s: string): string {
  const map: Record<string, string> = {
    "\\": "\\textbackslash{}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
  };
  return s
    .replace(/[\\~^{}&%$#_]/g, (ch) => map[ch] ?? `\\${ch}`)
    .replace(/\s+/g, " ")
    .trim();
}

/** The entry type a publication type maps to. */
function entryType(type: string | null): string {
  if (type === "book") return "book";
  if (type === "chapter" || type === "book-chapter") return "incollection";
  if (type === "confproc" || type === "conference") return "inproceedings";
  if (type === "thesis") return "phdthesis";
  if (type === "preprint" || type === "data" || type === "software" || type === "web") return "misc";
  return "article";
}

/** A citation key: first author's surname (ASCII letters), year, first title word. */
export function citationKey(work: WorkSummary): string {
  const ascii = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]/g, "")
      .toLowerCase();
  const surname = ascii(work.authors[0]?.surname ?? "") || "anon";
  const word = ascii((work.title ?? "").split(/\s+/).find((w) => w.length > 3) ?? "") || "work";
  return `${surname}${work.year ?? ""}${word}`;
}

/** The BibTeX entry of a work. */
export function bibtex(work: WorkSummary): string {
  const fields: [string, string][] = [];
  if (work.title) fields.push(["title", `{${bibtexEscape(work.title)}}`]);
  if (work.authors.length > 0)
    fields.push(["author", work.authors.map((a) => bibtexEscape(surnameGiven(a))).join(" and ")]);
  const type = entryType(work.type);
  if (work.journal) fields.push([type === "article" ? "journal" : "howpublished", bibtexEscape(work.journal)]);
  if (work.year !== null) fields.push(["year", String(work.year)]);
  if (work.doi) {
    // doi and url are verbatim fields in biblatex: no escapes, only characters that would end the field go.
    const doi = work.doi.replace(/[{}\s]/g, "");
    fields.push(["doi", doi]);
    fields.push(["url", `https://doi.org/${doi}`]);
  }
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n");
  return `@${type}{${citationKey(work)},\n${body}\n}\n`;
}
