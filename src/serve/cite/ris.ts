/** RIS records for a work (EndNote, Zotero, Mendeley import). */
import type { WorkSummary } from "../../core/report.js";
import { surnameGiven } from "./names.js";

function risType(type: string | null): string {
  if (type === "book") return "BOOK";
  if (type === "chapter" || type === "book-chapter") return "CHAP";
  if (type === "confproc" || type === "conference") return "CONF";
  if (type === "data") return "DATA";
  if (type === "software") return "COMP";
  if (type === "thesis") return "THES";
  if (type === "preprint" || type === "web") return "GEN";
  return "JOUR";
}

/** One line per tag; values are flattened to one line since RIS has no continuation lines. */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, " ").trim()}`;
}

/** The RIS record of a work, CRLF line ends as the format asks. */
export function ris(work: WorkSummary): string {
  const lines = [line("TY", risType(work.type))];
  if (work.title) lines.push(line("TI", work.title));
  for (const a of work.authors) lines.push(line("AU", surnameGiven(a)));
  if (work.year !== null) lines.push(line("PY", String(work.year)));
  if (work.journal) lines.push(line("JO", work.journal));
  if (work.doi) {
    lines.push(line("DO", work.doi));
    lines.push(line("UR", `https://doi.org/${work.doi}`));
  }
  lines.push("ER  - ");
  return `${lines.join("\r\n")}\r\n`;
}
