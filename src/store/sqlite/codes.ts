/** Small integer codes for the enumerations stored in every statement row, and the author facet name. */
import { type Person, SECTION_KINDS, type SectionKind } from "../../core/document.js";
import { INTENTS, type Intent, STANCES, type Stance } from "../../core/statement.js";

/** Stance code: the index in STANCES (supporting 0, mentioning 1, contrasting 2). */
export function stanceCode(stance: Stance): number {
  return codeOf(STANCES, stance, "stance");
}

/** The stance of a stored code. */
export function stanceOf(code: number): Stance {
  return valueOf(STANCES, code, "stance");
}

/** The code of mentioning: the default relevance order puts the other stances first. */
export const MENTIONING_CODE = STANCES.indexOf("mentioning");

/** Section-kind code: the index in SECTION_KINDS. */
export function sectionKindCode(kind: SectionKind): number {
  return codeOf(SECTION_KINDS, kind, "section kind");
}

/** The section kind of a stored code. */
export function sectionKindOf(code: number): SectionKind {
  return valueOf(SECTION_KINDS, code, "section kind");
}

/** Intent code: the index in INTENTS. */
export function intentCode(intent: Intent): number {
  return codeOf(INTENTS, intent, "intent");
}

/** The intent of a stored code. */
export function intentOf(code: number): Intent {
  return valueOf(INTENTS, code, "intent");
}

function codeOf<T extends string>(values: readonly T[], value: T, what: string): number {
  const i = values.indexOf(value);
  if (i < 0) throw new Error(`unknown ${what} ${JSON.stringify(value)}: expected one of ${values.join(", ")}`);
  return i;
}

function valueOf<T extends string>(values: readonly T[], code: number, what: string): T {
  const v = values[code];
  if (v === undefined) throw new Error(`stored ${what} code ${code} is unknown: the database is damaged`);
  return v;
}

/**
 * An author as the authors facet shows and filters it: "Surname, G." with the initials of every given
 * name (hyphenated names keep the hyphen: "Jean-Pierre" gives "J.-P.").
 *
 * @example authorName({ surname: "Smith", given: "John Paul", orcid: null }) // "Smith, J. P."
 */
export function authorName(person: Person): string {
  const surname = person.surname.trim().replace(/\s+/g, " ");
  const given = (person.given ?? "").trim();
  if (given === "") return surname;
  const initials = given
    .split(/[\s.]+/)
    .map((part) =>
      part
        .split("-")
        .map((p) => {
          const first = [...p][0];
          return first === undefined ? "" : `${first.toUpperCase()}.`;
        })
        .filter((p) => p !== "")
        .join("-"),
    )
    .filter((p) => p !== "")
    .join(" ");
  return initials === "" ? surname : `${surname}, ${initials}`;
}
