/** Author names in the shapes the citation formats want. */
import type { Person } from "../../core/document.js";

/** Initials of given names: "Jennifer A." -> "J. A.", "Jean-Paul" -> "J.-P.". */
export function initials(given: string | null): string {
  if (!given) return "";
  return given
    .split(/\s+/)
    .filter((part) => part !== "")
    .map((part) =>
      part
        .split("-")
        .map((p) => (p.replace(/\.$/, "").length <= 1 ? p.replace(/\.?$/, ".") : `${[...p][0] ?? ""}.`))
        .join("-"),
    )
    .join(" ");
}

/** "Surname, G. I." (APA and the authors facet). */
export function surnameInitials(p: Person): string {
  const i = initials(p.given);
  return i === "" ? p.surname : `${p.surname}, ${i}`;
}

/** "Surname, Given Names" (BibTeX and RIS). */
export function surnameGiven(p: Person): string {
  return p.given ? `${p.surname}, ${p.given}` : p.surname;
}
