/** Section headings (or section kinds) reduced to the few kinds the classifier distinguishes. */

/** The section kinds the classifier uses; `results-discussion` is the combined eLife section. */
export type ClassifierSection =
  | "introduction"
  | "methods"
  | "results"
  | "discussion"
  | "results-discussion"
  | "other"
  | "none";

/** Maps a heading such as "Materials and methods" or a kind such as "results" to a section kind. */
export function sectionKind(heading: string | undefined): ClassifierSection {
  if (heading === undefined) return "none";
  const h = heading.toLowerCase();
  if (h.trim() === "") return "none";
  const results = h.includes("result");
  const discussion = h.includes("discussion") || h.includes("conclusion");
  if (results && discussion) return "results-discussion";
  if (results) return "results";
  if (discussion) return "discussion";
  if (h.includes("method") || h.includes("material") || h.includes("procedure") || h.includes("experimental"))
    return "methods";
  if (h.includes("introduction") || h.includes("background")) return "introduction";
  return "other";
}
