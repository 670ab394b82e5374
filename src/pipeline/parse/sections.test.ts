import assert from "node:assert/strict";
import { test } from "node:test";
import type { SectionKind } from "../../core/document.js";
import { normalizeSectionKind } from "./sections.js";

/** Real top-level headings from the eLife and PLOS corpora and the GROBID TEI files, with their kind. */
const HEADINGS: readonly (readonly [string, SectionKind])[] = [
  ["Introduction", "introduction"],
  ["Background", "introduction"],
  ["1 Introduction", "introduction"],
  ["I. INTRODUCTION", "introduction"],
  ["Introduction and results", "introduction"],
  ["Related Work", "introduction"],
  ["Materials and methods", "methods"],
  ["Material and methods", "methods"],
  ["Materials and Methods", "methods"],
  ["Materials\u00a0and\u00a0methods", "methods"],
  ["Materials and\u00a0methods", "methods"],
  ["Materials & Methods", "methods"],
  ["Methods", "methods"],
  ["Methods summary", "methods"],
  ["Online Methods", "methods"],
  ["Experimental procedures", "methods"],
  ["Experimental Procedures", "methods"],
  ["Patients and methods", "methods"],
  ["Materials (data sources)", "methods"],
  ["Material examined", "methods"],
  ["Study design", "methods"],
  ["3 Method", "methods"],
  ["Results", "results"],
  ["Results and discussion", "results"],
  ["Results and Discussion", "results"],
  ["2. Results", "results"],
  ["Experiments", "results"],
  ["Evaluation", "results"],
  ["Discussion", "discussion"],
  ["General discussion", "discussion"],
  ["Conclusions", "conclusion"],
  ["Conclusion", "conclusion"],
  ["Concluding remarks", "conclusion"],
  ["Conclusions and perspectives", "conclusion"],
  ["Conclusion and Future Work", "conclusion"],
  ["6 Conclusion", "conclusion"],
  ["Outlook", "conclusion"],
  ["Future directions", "conclusion"],
  ["Supporting Information", "other"],
  ["Main text", "other"],
  ["Power calculations", "other"],
  ["Model", "other"],
  ["Summary", "other"],
  ["Acknowledgements", "other"],
  ["Decision letter", "other"],
  ["A new approach", "other"],
  ["A results-driven story", "other"],
  ["The importance of peers", "other"],
  ["", "other"],
];

test("normalizes real corpus headings", () => {
  const wrong = HEADINGS.filter(([h, kind]) => normalizeSectionKind(h) !== kind).map(
    ([h, kind]) => `${h}: ${normalizeSectionKind(h)}, expected ${kind}`,
  );
  assert.deepEqual(wrong, []);
});

test("uses sec-type attributes as eLife and PLOS write them", () => {
  const cases: readonly (readonly [string, SectionKind])[] = [
    ["intro", "introduction"],
    ["materials|methods", "methods"],
    ["materials", "methods"],
    ["methods", "methods"],
    ["results", "results"],
    ["results|discussion", "results"],
    ["Results|discussion", "results"],
    ["intro|results", "introduction"],
    ["discussion", "discussion"],
    ["conclusions", "conclusion"],
    ["conclusion", "conclusion"],
    ["supplementary-material", "other"],
    ["model", "other"],
  ];
  for (const [secType, kind] of cases) assert.equal(normalizeSectionKind("", secType), kind, secType);
});

test("trusts a sec-type that names a kind over the heading, and falls back to the heading otherwise", () => {
  assert.equal(normalizeSectionKind("Overview of the approach", "methods"), "methods");
  assert.equal(normalizeSectionKind("Discussion", "supplementary-material"), "discussion");
  assert.equal(normalizeSectionKind("Results", null), "results");
});
