/** A small, fully known index for the conformance suite: two citing articles, three cited works. */
import type { ArticleWrite, WorkInput } from "../../core/store.js";
import { article, person, workByDoi, workByKey } from "./fixtures.js";

/** The cited works. */
export const A: WorkInput = workByDoi("10.1000/alpha", {
  title: "Alpha pathway in mice",
  titleKey: "alpha pathway in mice",
  authors: [person("Ann Smith"), person("Bo Li")],
  year: 2010,
  journal: "J Alpha",
  type: "journal",
});
export const B: WorkInput = workByDoi("10.1000/beta", { title: "Beta methods", year: 2011 });
export const K: WorkInput = workByKey("kappa|kahn|2009", {
  title: "Kappa study",
  titleKey: "kappa study",
  authors: [person("Karl Kahn")],
  year: 2009,
});

/** The citing articles. */
export const P1_WORK: WorkInput = workByDoi("10.7554/eLife.00001", {
  title: "First citing article",
  authors: [person("John Doe"), person("Mary Major")],
  year: 2013,
  journal: "eLife",
  type: "research-article",
  abstract: "An abstract.",
  license: "http://creativecommons.org/licenses/by/4.0/",
});
export const P2_WORK: WorkInput = workByDoi("10.7554/eLife.00002", {
  title: "Second citing article",
  authors: [person("Ann Smith")],
  year: 2015,
  journal: "Other J",
  type: "review-article",
});

/** Unusual text kept verbatim everywhere. */
export const HOSTILE = `<script>alert("x")</script> and "quoted" text about Zürich's naïve cells`;

export const P1: ArticleWrite = article("corpus/p1.xml", P1_WORK, [
  {
    cited: A,
    sentence: "Our data confirm the earlier finding",
    stance: "supporting",
    confidence: 0.9,
    sectionKind: "results",
  },
  { cited: A, sentence: "These results did not replicate the effect", stance: "contrasting", confidence: 0.7 },
  { cited: A, sentence: HOSTILE, stance: "mentioning", confidence: 0.95, sectionKind: "introduction" },
  { cited: B, sentence: "The effect did replicate, but not in all lines", sectionKind: "methods" },
]);

export const P2: ArticleWrite = article("corpus/p2.xml", P2_WORK, [
  {
    cited: A,
    sentence: "Previous work described the pathway",
    confidence: 0.99,
    sectionKind: "introduction",
    selfCitation: true,
  },
  {
    cited: A,
    sentence: "Consistent with this, the effect did not replicate in mice",
    stance: "contrasting",
    confidence: 0.6,
  },
  { cited: K, sentence: "Kappa signalling was reported earlier" },
]);
