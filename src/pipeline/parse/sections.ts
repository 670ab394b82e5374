/**
 * Section kinds: a heading ("Materials and methods", "2. Results and Discussion") and a JATS
 * `sec-type` ("materials|methods") become one of six kinds. Decisions (see DESIGN.md):
 * "Results and discussion" is results (the first named part wins); "Background", "Related work" and
 * "Literature review" are introduction; "Methods summary", "Experimental procedures" and "Patients and
 * methods" are methods; "Concluding remarks" and "Summary and conclusions" are conclusion. A `sec-type`
 * that names a kind is trusted over the heading; anything unrecognised is other.
 */
import type { SectionKind } from "../../core/document.js";

const SEC_TYPES: Readonly<Record<string, SectionKind>> = {
  intro: "introduction",
  introduction: "introduction",
  background: "introduction",
  materials: "methods",
  methods: "methods",
  method: "methods",
  "materials-methods": "methods",
  subjects: "methods",
  "experimental-procedures": "methods",
  results: "results",
  result: "results",
  cases: "results",
  findings: "results",
  discussion: "discussion",
  conclusions: "conclusion",
  conclusion: "conclusion",
};

/** Heading patterns, tried in order on the lower-cased heading without its numbering. */
const HEADINGS: readonly (readonly [RegExp, SectionKind])[] = [
  [
    /^(introduction|intro|background|overview|motivation|related (work|research|literature)|literature review|previous work|prior work)\b/,
    "introduction",
  ],
  [
    /^(materials?|methods?|methodology|methodologies|experimental (procedures?|methods?|section|design|setup|set-up|model|protocols?)|experimental|patients?|subjects|participants|study (design|population)|online methods|star methods|model and methods|theory and methods|data and methods|approach)\b/,
    "methods",
  ],
  [/^(results?|findings|experiments?|evaluation|experimental results|empirical results|observations)\b/, "results"],
  [/^(general discussion|discussion)\b/, "discussion"],
  [
    /^(conclusions?|concluding remarks?|concluding comments|summary and conclusions?|final remarks|closing remarks|outlook|perspectives?|future (directions|perspectives|work))\b/,
    "conclusion",
  ],
];

/** Numbering before a heading: "1.", "2.3", "IV.", "A.", "1)". */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.):]?|(?:[ivxlc]+|[a-z])[.)])\s+/;

/** The normalized kind of a section from its heading text and JATS `sec-type` (either may be empty). */
export function normalizeSectionKind(heading: string | null, secType: string | null = null): SectionKind {
  if (secType) {
    for (const part of secType.toLowerCase().split(/[|\s,]+/)) {
      const kind = SEC_TYPES[part];
      if (kind !== undefined) return kind;
    }
  }
  if (!heading) return "other";
  const h = heading.toLowerCase().replace(/\s+/g, " ").trim().replace(NUMBERING, "").replace(/&/g, "and");
  for (const [pattern, kind] of HEADINGS) if (pattern.test(h)) return kind;
  return "other";
}
