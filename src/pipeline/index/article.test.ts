import assert from "node:assert/strict";
import { test } from "node:test";
import type { Person, ReferenceEntry, WorkMeta } from "../../core/document.js";
import { type Doi, normalizeDoi, statementId, workIdFromDoi } from "../../core/ids.js";
import type { Classification, ExtractedStatement } from "../../core/statement.js";
import { Resolver } from "../resolve/index.js";
import { articleWork, buildArticle } from "./article.js";

const p = (surname: string, given: string): Person => ({ surname, given, orcid: null });
const work: WorkMeta = {
  doi: normalizeDoi("10.7554/eLife.00102"),
  title: "Sequence specific detection of bacterial 23S ribosomal RNA by TLR13",
  authors: [p("Li", "Xiao-Dong"), p("Chen", "Zhijian J")],
  journal: "eLife",
  year: 2012,
  publicationType: "research-article",
  abstract: null,
  license: null,
};
const ref = (id: string, surname: string, doi: string | null): ReferenceEntry => ({
  id,
  raw: `${surname} 2011 A title ${id}`,
  doi: normalizeDoi(doi),
  pmid: null,
  title: `A title ${id}`,
  authors: [p(surname, "XD")],
  year: 2011,
  source: "PNAS",
  volume: null,
  pages: null,
  publicationType: "journal",
});
const refs = [ref("bib1", "Li", "10.1073/pnas.1113099108"), ref("bib2", "Takeuchi", null), ref("bib1", "Dup", null)];
const statement = (r: ReferenceEntry, start: number): ExtractedStatement => ({
  citingDoi: work.doi,
  refId: r.id,
  marker: "X",
  sentence: "A sentence X.",
  before: "",
  after: "",
  section: "Introduction",
  sectionKind: "introduction",
  paragraph: 0,
  start,
  end: start + 13,
  cited: r,
  subArticle: null,
  markerStart: 11,
  markerEnd: 12,
});
const label: Classification = {
  stance: "mentioning",
  confidence: 0.9,
  intent: "background",
  intentConfidence: 0.8,
  cues: [],
};
const source = {
  path: "a.xml",
  contentHash: "h",
  versions: { parser: "p", extractor: "e", resolver: "r", classifier: "c" },
};

test("an article is keyed by its DOI's work id", () => {
  assert.equal(articleWork(work, "a.xml").workId, workIdFromDoi(work.doi as Doi));
});

test("builds references in list order (first of a duplicate id kept) and links statements to their works", async () => {
  const statements = [statement(refs[0] as ReferenceEntry, 0), statement(refs[1] as ReferenceEntry, 20)];
  const w = await buildArticle(
    source,
    { work, references: refs, statements, classifications: [label, label] },
    [],
    new Resolver(),
  );
  assert.deepEqual(
    w.references.map((r) => [r.refId, r.position, r.method]),
    [
      ["bib1", 0, "doi"],
      ["bib2", 1, "unresolved"],
    ],
  );
  assert.equal(w.statements[0]?.citedWorkId, w.references[0]?.cited.workId);
  assert.equal(w.statements[1]?.citedWorkId, w.references[1]?.cited.workId);
  assert.equal(w.statements[0]?.id, statementId(w.work.workId, "bib1", 0, 0));
  assert.deepEqual(
    w.statements.map((s) => s.selfCitation),
    [true, false],
  );
});

test("a repeated statement id is kept once and a statement without a label is a warning", async () => {
  const s = statement(refs[1] as ReferenceEntry, 5);
  const w = await buildArticle(
    source,
    {
      work,
      references: refs,
      statements: [s, s, statement(refs[0] as ReferenceEntry, 9)],
      classifications: [label, label],
    },
    [],
    new Resolver(),
  );
  assert.equal(w.statements.length, 1);
  assert.deepEqual(
    w.diagnostics.map((d) => [d.code, d.severity]),
    [["missing-classification", "warning"]],
  );
});
