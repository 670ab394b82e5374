/**
 * The SQLite store on real eLife statements: the whole labeled training set (10,781 statements from 843
 * citing articles) written once, then reports, tallies and searches checked against counts computed
 * directly from the data.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { WorkId } from "../../src/core/ids.js";
import type { Report } from "../../src/core/report.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/index.js";
import { corpus } from "../support/data.js";
import {
  buildArticles,
  citedWork,
  citingMetaReader,
  readStanceRecords,
  type StanceRecord,
  unmark,
} from "./elife-builder.js";

const train = corpus("elife-stance-train", "train.jsonl");
const articlesDir = corpus("elife-articles-2012-2016");

/** Lower-case words as unicode61 with remove_diacritics sees them. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function hasPhrase(text: string, phrase: string): boolean {
  const w = words(text);
  const p = words(phrase);
  for (let i = 0; i + p.length <= w.length; i++) if (p.every((x, j) => w[i + j] === x)) return true;
  return false;
}

describe("sqlite store on the eLife labeled statements", { skip: train.skip }, () => {
  let store: SqliteStore;
  let records: StanceRecord[];

  before(async () => {
    records = readStanceRecords(train.path as string);
    // Exact searches (no sampling) so totals can be checked against the data.
    store = openSqliteStore(":memory:", { searchSample: 1_000_000 });
    for (const a of buildArticles(records, { meta: citingMetaReader(articlesDir.path) })) await store.writeArticle(a);
  });
  after(() => store.close());

  test("stats count every statement and tally every label", async () => {
    const s = await store.stats();
    assert.equal(s.statements, records.length);
    assert.equal(s.ingestedArticles, new Set(records.map((r) => r.citingDoi.toLowerCase())).size);
    for (const stance of ["supporting", "mentioning", "contrasting"] as const) {
      assert.equal(s.tallies[stance], records.filter((r) => r.stance === stance).length, stance);
    }
  });

  test("the most cited work's report lists every citing article with its statements", async () => {
    const byWork = new Map<string, StanceRecord[]>();
    for (const r of records) {
      const id = citedWork(r).workId;
      byWork.set(id, [...(byWork.get(id) ?? []), r]);
    }
    const [top] = await store.topWorks("statements", 1);
    assert.ok(top);
    const expected = byWork.get(top.work.workId) ?? [];
    const r = (await store.report(top.work.workId, { pageSize: 100 })) as Report;
    assert.equal(r.statementCount, expected.length);
    assert.equal(r.citingPublications, new Set(expected.map((x) => x.citingDoi.toLowerCase())).size);
    assert.deepEqual(
      r.statements.flatMap((g) => g.statements.map((s) => s.sentence)).sort(),
      expected.map((x) => unmark(x.sentence).sentence).sort(),
    );
    assert.ok(r.statements.every((g) => g.citing.journal === "eLife" && g.citing.year !== null));
  });

  test("the default reports of the most cited works agree with the same query as a filter", async () => {
    for (const top of await store.topWorks("statements", 20)) {
      const fast = (await store.report(top.work.workId, {})) as Report;
      const scanned = (await store.report(top.work.workId, { relationship: ["self", "independent"] })) as Report;
      assert.deepEqual(fast.facets, scanned.facets);
      assert.deepEqual(fast.page, scanned.page);
      const citing = (r: Report) => r.statements.map((g) => g.citing.workId).sort();
      assert.deepEqual(citing(fast), citing(scanned));
    }
  });

  test("a phrase with a negation finds exactly the statements whose sentence has it", async () => {
    for (const phrase of ["did not replicate", "not consistent with", "in contrast to", "consistent with previous"]) {
      const expected = records.filter((r) => hasPhrase(unmark(r.sentence).sentence, phrase)).length;
      const result = await store.search({ q: `"${phrase}"`, pageSize: 5 });
      assert.equal(result.total, expected, phrase);
      for (const hit of result.hits) assert.ok(hasPhrase(hit.statement.sentence, phrase), hit.statement.sentence);
    }
  });

  test("NOT excludes and stance filters narrow a search", async () => {
    const all = await store.search({ q: "consistent" });
    const without = await store.search({ q: "consistent NOT previous" });
    const both = await store.search({ q: "consistent previous" });
    assert.equal(without.total + both.total, all.total);
    const supporting = await store.search({ q: "consistent", stance: ["supporting"] });
    assert.equal(supporting.total, all.facets.stance.find((f) => f.value === "supporting")?.count);
  });

  test("citing authors fill the authors facet and filter the report", { skip: articlesDir.skip }, async () => {
    const [top] = await store.topWorks("statements", 1);
    const r = (await store.report(top?.work.workId as WorkId, {})) as Report;
    const author = r.facets.authors[0];
    assert.ok(author && /^.+, (\p{Lu}\.[ -]?)+$/u.test(author.value), author?.value);
    const filtered = (await store.report(top?.work.workId as WorkId, { author: [author.value] })) as Report;
    assert.equal(filtered.page.matchingStatements, author.count);
  });
});
