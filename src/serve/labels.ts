/** Display names and the definitions users read (SPEC section 4), shared by pages and the summary. */
import type { SectionKind } from "../core/document.js";
import type { Stance } from "../core/statement.js";

/** What each label means, as SPEC.md section 4 words it. */
export const LABEL_DEFINITIONS: readonly { readonly stance: Stance; readonly text: string }[] = [
  {
    stance: "supporting",
    text: "the citing authors give their own evidence (results, data, analysis) that agrees with or confirms the cited work's finding.",
  },
  {
    stance: "contrasting",
    text: "the citing authors give their own evidence that disagrees with, fails to reproduce, or differs from the cited work's finding.",
  },
  {
    stance: "mentioning",
    text: "everything else: background, reuse of a method, tool or reagent, a summary of what the cited work found, comparisons between other works.",
  },
];

/** The closing notes of SPEC section 4. */
export const LABEL_NOTES =
  "Tone is not stance; reusing a method is not support; a hypothesis is not evidence. Contrasting needs a disagreement about the cited finding itself: a difference the authors attribute to another species, cell type or condition is mentioning.";

/** "Supporting", "Contrasting", "Mentioning". */
export function stanceName(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SECTION_NAMES: Record<SectionKind, string> = {
  introduction: "Introduction",
  methods: "Methods",
  results: "Results",
  discussion: "Discussion",
  conclusion: "Conclusion",
  other: "Other",
};

/** The display name of a section kind (unknown kinds are shown as written). */
export function sectionName(kind: string): string {
  return SECTION_NAMES[kind as SectionKind] ?? kind;
}

/** A publication type as readers say it: "research-article" -> "Research article". */
export function typeName(type: string): string {
  const t = type.replace(/[-_]+/g, " ").trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** "Self-citation" or "Independent". */
export function relationshipName(r: string): string {
  return r === "self" ? "Self-citation" : r === "independent" ? "Independent" : r;
}
