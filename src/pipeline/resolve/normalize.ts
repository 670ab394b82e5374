/** Text keys for matching: folded titles, surnames and person keys. */

const GREEK: Record<string, string> = {
  α: "alpha",
  β: "beta",
  γ: "gamma",
  δ: "delta",
  ε: "epsilon",
  ζ: "zeta",
  η: "eta",
  θ: "theta",
  ι: "iota",
  κ: "kappa",
  λ: "lambda",
  μ: "mu",
  ν: "nu",
  ξ: "xi",
  ο: "omicron",
  π: "pi",
  ρ: "rho",
  σ: "sigma",
  ς: "sigma",
  τ: "tau",
  υ: "upsilon",
  φ: "phi",
  χ: "chi",
  ψ: "psi",
  ω: "omega",
};
/** Function words left out of title keys (references drop or add them). */
const STOP = new Set(["the", "a", "an", "of", "in", "on", "and", "for", "to", "by", "with", "from", "at"]);
const SPECIAL: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", þ: "th", ł: "l", ı: "i" };

/**
 * Folds text for comparison: compatibility decomposition, diacritics removed, lower case, Greek letters
 * spelled out (`α` and `alpha` meet), every run of other characters collapsed to one space.
 *
 * @example foldText("Über  die Rolle von TNF-α.") // "uber die rolle von tnf alpha"
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is ASCII: a plain ASCII pass is several times faster than the Unicode one.
  if (!/[^\x00-\x7f]/.test(lower)) return lower.replace(/[^a-z0-9]+/g, " ").trim();
  return lower
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u0370-\u03ff]/g, (ch) => (GREEK[ch] === undefined ? ch : ` ${GREEK[ch]} `))
    .replace(/[ßæœøđðþłı]/g, (ch) => SPECIAL[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The title key: the folded title without a few function words ("the", "of", ...), spaces and doubled
 * letters, so "data sets" and "datasets", "TGFβ" and "TGF-beta", "signalling" and "signaling", "status of
 * the gene" and "status of gene" meet; null when nothing is left (no letters or digits).
 *
 * @example titleKey("The TGF-β pathway: a review.") // "tgfbetapathwayreview"
 */
export function titleKey(title: string | null | undefined): string | null {
  if (title == null) return null;
  const key = foldText(title)
    .split(" ")
    .filter((w) => !STOP.has(w))
    .join("")
    .replace(/([a-z])\1+/g, "$1");
  return key === "" ? null : key;
}

/** A surname folded to letters only (`van der Berg`, `Van-Der Berg` and `vanderberg` meet). */
export function surnameKey(surname: string | null | undefined): string {
  if (surname == null) return "";
  return foldText(surname).replace(/[^\p{L}]/gu, "");
}

/** The first initial of given names, folded ("Jean-Luc" gives "j"), "" when none. */
export function firstInitial(given: string | null | undefined): string {
  if (given == null) return "";
  return foldText(given)
    .replace(/[^\p{L}]/gu, "")
    .slice(0, 1);
}

/** The key of a person for self-citation: `surname|initial`. */
export function personKey(person: { readonly surname: string; readonly given: string | null }): string {
  return `${surnameKey(person.surname)}|${firstInitial(person.given)}`;
}

/** A journal name folded for comparison ("Proc. Natl. Acad. Sci. U.S.A." gives "procnatlacadsciusa"). */
export function journalKey(journal: string | null | undefined): string {
  if (journal == null) return "";
  return foldText(journal).replace(/^the /, "").replace(/\s+/g, "");
}
