/**
 * Databases for the app's tests, made with the real pipeline and store: a subset of the eLife corpus
 * (eLife.00102 and its citers, plus the most-cited article of the set and its citers), and a small
 * database whose document text is hostile (markup and quotes everywhere) to check escaping end to end.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doi, StatementId, WorkId } from "../../src/core/ids.js";
import { normalizeDoi, workIdFromDoi } from "../../src/core/ids.js";
import type { StatementInput, WorkInput } from "../../src/core/store.js";
import { ingest } from "../../src/pipeline/run.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { HOSTILE } from "./hand-report.js";

/** A temporary folder removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "citelens-serve-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The eLife articles of the test subset, as file names under the corpus's xml/ folder. */
export function elifeSubset(corpusDir: string): string[] {
  const tsv = readFileSync(join(corpusDir, "..", "internal-citations.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const edges = tsv.map((l) => l.split("\t") as [string, string]);
  const citers = (doi: string) => edges.filter(([, cited]) => cited === doi).map(([citing]) => citing);
  const wanted = new Set<string>(["10.7554/eLife.00102", ...citers("10.7554/eLife.00102")]);
  for (const hub of ["10.7554/eLife.00461", "10.7554/eLife.04333"]) {
    wanted.add(hub);
    for (const c of citers(hub)) wanted.add(c);
  }
  return [...wanted].map((doi) => join(corpusDir, `elife${doi.slice(-5)}.xml.gz`)).sort();
}

/** Ingests the eLife subset into `db` with the real pipeline. */
export async function buildElifeDb(corpusDir: string, db: string): Promise<{ articles: number; statements: number }> {
  const s = await ingest(elifeSubset(corpusDir), { db, progress: "none" });
  return { articles: s.articles, statements: s.statements };
}

function work(doi: string, title: string, over: Partial<WorkInput> = {}): WorkInput {
  const d = normalizeDoi(doi) as Doi;
  return {
    workId: workIdFromDoi(d),
    doi: d,
    title,
    titleKey: null,
    authors: [{ surname: HOSTILE, given: HOSTILE, orcid: null }],
    year: 2014,
    journal: HOSTILE,
    type: "research-article",
    abstract: HOSTILE,
    license: null,
    ...over,
  };
}

/** The DOI of the hostile database's cited work. */
export const HOSTILE_CITED_DOI = "10.1234/hostile.cited";

/** Writes one citing article whose every text field is hostile, citing one work with a hostile title. */
export async function buildHostileDb(db: string): Promise<void> {
  const store = openSqliteStore(db);
  const citing = work("10.1234/hostile.citing", `Citing ${HOSTILE}`);
  const cited = work(HOSTILE_CITED_DOI, `Cited ${HOSTILE}`, { year: 2010 });
  const sentence = `We found ${HOSTILE} as reported [1].`;
  const markerStart = sentence.indexOf("[1]");
  const statement = (i: number, stance: StatementInput["stance"]): StatementInput => ({
    id: `s${String(i).padStart(16, "0")}` as StatementId,
    citedWorkId: cited.workId as WorkId,
    refId: "bib1",
    marker: "[1]",
    sentence,
    before: HOSTILE,
    after: HOSTILE,
    markerStart,
    markerEnd: markerStart + 3,
    section: HOSTILE,
    sectionKind: "results",
    paragraph: i,
    start: 0,
    end: sentence.length,
    subArticle: null,
    stance,
    confidence: 0.8,
    intent: "result",
    intentConfidence: 0.6,
    cues: [HOSTILE],
    selfCitation: false,
  });
  await store.writeArticle({
    source: {
      path: "hostile.xml",
      contentHash: "hostile",
      versions: { parser: "t", extractor: "t", resolver: "t", classifier: "t" },
    },
    work: citing,
    references: [{ refId: "bib1", position: 0, raw: HOSTILE, cited, method: "doi", score: 1 }],
    statements: [statement(1, "supporting"), statement(2, "contrasting"), statement(3, "mentioning")],
    diagnostics: [],
  });
  await store.close();
}
