/** APA 7 reference text for a work. */
import type { WorkSummary } from "../../core/report.js";
import { surnameInitials } from "./names.js";

/** Joins authors as APA does: "A, B, & C"; 21 or more: the first 19, an ellipsis, the last. */
function apaAuthors(work: WorkSummary): string {
  const names = work.authors.map(surnameInitials);
  if (names.length === 0) return "";
  if (names.length === 1) return names[0] ?? "";
  if (names.length >= 21) return `${names.slice(0, 19).join(", ")}, . . . ${names.at(-1)}`;
  return `${names.slice(0, -1).join(", ")}, & ${names.at(-1)}`;
}

function endWithPeriod(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/**
 * The APA reference of a work as plain text (the caller escapes it for HTML).
 *
 * @example apaText(work) // "Smith, J., & Lee, K. (2013). A title. eLife. https://doi.org/10.7554/elife.00102"
 */
export function apaText(work: WorkSummary): string {
  const parts: string[] = [];
  const authors = apaAuthors(work);
  const year = `(${work.year ?? "n.d."}).`;
  if (authors !== "") parts.push(endWithPeriod(authors), year);
  const title = work.title ? endWithPeriod(work.title) : "";
  if (authors === "") parts.push(title, year);
  else if (title !== "") parts.push(title);
  if (work.journal) parts.push(endWithPeriod(work.journal));
  if (work.doi) parts.push(`https://doi.org/${work.doi}`);
  return parts.filter((p) => p !== "").join(" ");
}
