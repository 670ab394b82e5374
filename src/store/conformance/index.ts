/**
 * The Store conformance suite: every Store implementation (sqlite now, postgres later) runs it.
 *
 * @example storeConformance(async () => openSqliteStore(":memory:"), "sqlite");
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { diagnostic } from "../../core/diagnostic.js";
import type { WorkId } from "../../core/ids.js";
import type { Report, ReportQuery } from "../../core/report.js";
import type { Store } from "../../core/store.js";
import { article, VERSIONS, workByDoi } from "./fixtures.js";
import { A, B, HOSTILE, K, P1, P1_WORK, P2, P2_WORK } from "./world.js";

export { article, doi, person, VERSIONS, workByDoi, workByKey } from "./fixtures.js";

/** Registers the conformance tests (under `name`); `open` must give a fresh, empty store each call. */
export function storeConformance(open: () => Promise<Store>, name = "store"): void {
  async function withWorld(f: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await store.writeArticle(P1);
      await store.writeArticle(P2);
      await f(store);
    } finally {
      await store.close();
    }
  }
  async function reportOf(store: Store, workId: WorkId, query: ReportQuery = {}): Promise<Report> {
    const r = await store.report(workId, query);
    assert.ok(r, `report of ${workId}`);
    return r;
  }
  const sentences = (r: Report) => r.statements.flatMap((g) => g.statements.map((s) => s.sentence));
  /** The default report (which a store may answer from precomputed counts) agrees with the same query spelled as a filter. */
  async function assertDefaultAgrees(store: Store, workId: WorkId): Promise<void> {
    const fast = await reportOf(store, workId);
    const scanned = await reportOf(store, workId, { relationship: ["self", "independent"] });
    assert.deepEqual(fast.facets, scanned.facets);
    assert.deepEqual(fast.page, scanned.page);
    assert.deepEqual(fast.statements, scanned.statements);
    assert.equal(fast.page.matchingStatements, fast.statementCount);
  }
  const facet = (list: readonly { value: string; count: number }[]) =>
    Object.fromEntries(list.map((f) => [f.value, f.count]));

  describe(`Store conformance: ${name}`, () => {
    test("report counts tallies, publications and statements of a cited work", () =>
      withWorld(async (store) => {
        const r = await reportOf(store, A.workId);
        assert.deepEqual(r.tallies, { supporting: 1, mentioning: 2, contrasting: 2 });
        assert.equal(r.statementCount, 5);
        assert.equal(r.citingPublications, 2);
        assert.equal(r.referenceCount, 0);
        assert.equal(r.work.title, "Alpha pathway in mice");
        assert.equal(r.work.ingested, false);
        assert.equal(r.page.matchingStatements, 5);
        assert.equal(r.page.matchingPublications, 2);
        assert.equal((await reportOf(store, P1_WORK.workId)).referenceCount, 2);
      }));

    test("report facets count the matching statements", () =>
      withWorld(async (store) => {
        const f = (await reportOf(store, A.workId)).facets;
        assert.deepEqual(facet(f.stance), { supporting: 1, mentioning: 2, contrasting: 2 });
        assert.deepEqual(facet(f.sectionKind), { introduction: 2, results: 1, discussion: 2 });
        assert.deepEqual(f.year, [
          { value: "2013", count: 3 },
          { value: "2015", count: 2 },
        ]);
        assert.deepEqual(facet(f.publicationType), { "research-article": 3, "review-article": 2 });
        assert.deepEqual(facet(f.relationship), { self: 1, independent: 4 });
        assert.deepEqual(facet(f.authors), { "Doe, J.": 3, "Major, M.": 3, "Smith, A.": 2 });
        assert.deepEqual(facet(f.journals), { eLife: 3, "Other J": 2 });
      }));

    test("every facet filters, and tallies stay over all statements", async (t) => {
      const cases: [string, ReportQuery, number][] = [
        ["stance", { stance: ["contrasting"] }, 2],
        ["sectionKind", { sectionKind: ["introduction"] }, 2],
        ["yearFrom", { yearFrom: 2014 }, 2],
        ["yearTo", { yearTo: 2013 }, 3],
        ["publicationType", { publicationType: ["review-article"] }, 2],
        ["relationship self", { relationship: ["self"] }, 1],
        ["relationship independent", { relationship: ["independent"] }, 4],
        ["author", { author: ["Smith, A."] }, 2],
        ["journal", { journal: ["eLife"] }, 3],
        ["combined", { stance: ["contrasting", "mentioning"], yearFrom: 2015, relationship: ["independent"] }, 1],
      ];
      await withWorld(async (store) => {
        for (const [label, query, expected] of cases) {
          await t.test(label, async () => {
            const r = await reportOf(store, A.workId, query);
            assert.equal(r.page.matchingStatements, expected);
            assert.equal(sentences(r).length, expected);
            assert.equal(r.statementCount, 5);
            assert.equal(
              r.facets.stance.reduce((n, f) => n + f.count, 0),
              expected,
            );
          });
        }
      });
    });

    test("relevance order puts supporting and contrasting first, then confidence; groups follow their first statement", () =>
      withWorld(async (store) => {
        const r = await reportOf(store, A.workId);
        assert.deepEqual(
          r.statements.map((g) => g.citing.workId),
          [P1_WORK.workId, P2_WORK.workId],
        );
        assert.deepEqual(
          r.statements[0]?.statements.map((s) => s.stance),
          ["supporting", "contrasting", "mentioning"],
        );
        assert.deepEqual(
          r.statements[1]?.statements.map((s) => s.stance),
          ["contrasting", "mentioning"],
        );
      }));

    test("newest and oldest order citing publications by year", () =>
      withWorld(async (store) => {
        const newest = await reportOf(store, A.workId, { order: "newest" });
        assert.equal(newest.statements[0]?.citing.year, 2015);
        assert.equal(newest.page.order, "newest");
        const oldest = await reportOf(store, A.workId, { order: "oldest" });
        assert.equal(oldest.statements[0]?.citing.year, 2013);
      }));

    test("pages count citing publications", () =>
      withWorld(async (store) => {
        const p1 = await reportOf(store, A.workId, { pageSize: 1, page: 1 });
        const p2 = await reportOf(store, A.workId, { pageSize: 1, page: 2 });
        const p3 = await reportOf(store, A.workId, { pageSize: 1, page: 3 });
        assert.equal(p1.statements.length, 1);
        assert.equal(p1.statements[0]?.statements.length, 3);
        assert.equal(p2.statements[0]?.citing.workId, P2_WORK.workId);
        assert.equal(p3.statements.length, 0);
        assert.equal(p3.page.matchingPublications, 2);
        assert.equal((await reportOf(store, A.workId)).page.pageSize, 10);
      }));

    test("q inside a report finds an exact phrase with a negation", () =>
      withWorld(async (store) => {
        const r = await reportOf(store, A.workId, { q: '"did not replicate"' });
        assert.deepEqual(sentences(r).sort(), [
          "Consistent with this, the effect did not replicate in mice (Smith, 2010).",
          "These results did not replicate the effect (Smith, 2010).",
        ]);
        assert.equal(r.tallies.contrasting, 2);
        assert.equal((await reportOf(store, A.workId, { q: "replicate NOT mice" })).page.matchingStatements, 1);
        assert.equal((await reportOf(store, A.workId, { q: "-replicate" })).page.matchingStatements, 3);
        assert.equal((await reportOf(store, A.workId, { q: "pathway OR confirm" })).page.matchingStatements, 2);
        for (const bad of ['"unclosed', "((", "AND OR NOT", "*", 'a"b', "NEAR(x y)", "col:x", "^x"]) {
          await reportOf(store, A.workId, { q: bad });
        }
      }));

    test("an unknown work has no report and is not found", () =>
      withWorld(async (store) => {
        assert.equal(await store.report("w0000000000000000" as WorkId, {}), null);
        assert.equal(await store.findWork("10.9999/nothing"), null);
        assert.equal(await store.findWork("not a doi"), null);
        assert.deepEqual(await store.references("w0000000000000000" as WorkId), []);
      }));

    test("findWork accepts any DOI form and a work id", () =>
      withWorld(async (store) => {
        for (const form of [
          "10.7554/eLife.00001",
          "https://doi.org/10.7554/ELIFE.00001",
          "doi:10.7554/elife.00001.",
          "http://dx.doi.org/10.7554%2FeLife.00001",
          P1_WORK.workId,
        ]) {
          const w = await store.findWork(form);
          assert.equal(w?.workId, P1_WORK.workId, form);
        }
        const w = await store.findWork(P1_WORK.workId);
        assert.equal(w?.ingested, true);
        assert.equal(w?.abstract, "An abstract.");
        assert.equal(w?.doi, "10.7554/elife.00001");
      }));

    test("statement text is kept verbatim, with every field", () =>
      withWorld(async (store) => {
        const r = await reportOf(store, A.workId, { sectionKind: ["introduction"], relationship: ["independent"] });
        const s = r.statements[0]?.statements[0];
        const written = P1.statements[2];
        assert.ok(s && written);
        assert.ok(s.sentence.startsWith(HOSTILE));
        const { citedWorkId, ...rest } = written;
        assert.deepEqual({ ...s, citingWorkId: undefined }, { ...rest, citedWorkId, citingWorkId: undefined });
        assert.equal(s.citingWorkId, P1_WORK.workId);
      }));

    test("search finds phrases, booleans and negations, with highlighted snippets", () =>
      withWorld(async (store) => {
        const phrase = await store.search({ q: '"did not replicate"' });
        assert.equal(phrase.total, 2);
        assert.ok(phrase.hits.every((h) => h.snippet.includes("\u0001did not replicate\u0002")));
        assert.equal((await store.search({ q: "did not replicate" })).total, 3);
        assert.equal((await store.search({ q: "replicate -mice" })).total, 2);
        assert.equal((await store.search({ q: "replicate AND NOT mice" })).total, 2);
        assert.equal((await store.search({ q: "kappa OR pathway" })).total, 2);
        assert.equal((await store.search({ q: "(kappa OR pathway) AND previous" })).total, 1);
        assert.equal((await store.search({ q: "replicat*" })).total, 3);
        const hostile = await store.search({ q: "script zurich naive" });
        assert.equal(hostile.total, 1);
        assert.equal(hostile.hits[0]?.statement.sentence.startsWith(HOSTILE), true);
        assert.equal(hostile.hits[0]?.cited.workId, A.workId);
        assert.equal(hostile.hits[0]?.citing.workId, P1_WORK.workId);
        for (const bad of ['"unclosed', "((", "AND OR NOT", "*", "", "NOT x", "NEAR(x y)", "sentence:x", "\u0000"]) {
          await store.search({ q: bad });
        }
      }));

    test("search filters by stance, section and year and counts facets", () =>
      withWorld(async (store) => {
        const all = await store.search({ q: "replicate" });
        assert.deepEqual(facet(all.facets.stance), { supporting: 0, mentioning: 1, contrasting: 2 });
        assert.deepEqual(facet(all.facets.sectionKind), { methods: 1, discussion: 2 });
        assert.deepEqual(facet(all.facets.year), { "2013": 2, "2015": 1 });
        assert.equal((await store.search({ q: "replicate", stance: ["contrasting"] })).total, 2);
        assert.equal((await store.search({ q: "replicate", sectionKind: ["methods"] })).total, 1);
        assert.equal((await store.search({ q: "replicate", yearFrom: 2014 })).total, 1);
        const paged = await store.search({ q: "replicate", pageSize: 2, page: 2 });
        assert.equal(paged.hits.length, 1);
        assert.equal(paged.total, 3);
      }));

    test("rewriting the same article changes nothing", () =>
      withWorld(async (store) => {
        const before = await reportOf(store, A.workId);
        const statsBefore = await store.stats();
        await store.writeArticle(P1);
        await store.writeArticle(P1);
        assert.deepEqual(await reportOf(store, A.workId), before);
        assert.deepEqual(await store.stats(), statsBefore);
        assert.equal((await store.search({ q: '"did not replicate"' })).total, 2);
      }));

    test("a changed article replaces its statements and references", () =>
      withWorld(async (store) => {
        const changed = article(
          "corpus/p1.xml",
          P1_WORK,
          [{ cited: B, sentence: "Only beta is cited now", stance: "supporting" }],
          { contentHash: "changed" },
        );
        await store.writeArticle(changed);
        const r = await reportOf(store, A.workId);
        assert.deepEqual(r.tallies, { supporting: 0, mentioning: 1, contrasting: 1 });
        assert.equal(r.citingPublications, 1);
        assert.equal((await store.search({ q: "These results did not replicate" })).total, 0);
        assert.deepEqual((await store.tallies([B.workId])).get(B.workId), {
          supporting: 1,
          mentioning: 0,
          contrasting: 0,
        });
        assert.equal((await store.references(P1_WORK.workId)).length, 1);
        assert.equal((await store.source("corpus/p1.xml"))?.contentHash, "changed");
        await assertDefaultAgrees(store, A.workId);
        await assertDefaultAgrees(store, B.workId);
      }));

    test("a failure keeps the rows written earlier from the source", () =>
      withWorld(async (store) => {
        const before = await reportOf(store, A.workId);
        const source = { path: "corpus/p1.xml", contentHash: "broken", versions: VERSIONS };
        await store.recordFailure(source, [diagnostic("corpus/p1.xml", "parse", "xml-malformed", "bad XML")]);
        const rec = await store.source("corpus/p1.xml");
        assert.equal(rec?.status, "failed");
        assert.equal(rec?.contentHash, "broken");
        assert.equal(rec?.workId, null);
        assert.deepEqual(await reportOf(store, A.workId), before);
        await store.recordFailure({ ...source, path: "corpus/new.xml" }, []);
        assert.equal((await store.source("corpus/new.xml"))?.status, "failed");
      }));

    test("sources remember hash, versions and work", () =>
      withWorld(async (store) => {
        assert.deepEqual(await store.source("corpus/p2.xml"), {
          path: "corpus/p2.xml",
          contentHash: "hash-of-corpus/p2.xml",
          versions: VERSIONS,
          status: "ok",
          workId: P2_WORK.workId,
        });
        assert.equal(await store.source("nowhere.xml"), null);
      }));

    test("merging a metadata-keyed work into an ingested one moves its statements", () =>
      withWorld(async (store) => {
        const kIngested = workByDoi("10.1000/kappa", { title: "Kappa study (published)", year: 2009 });
        await store.writeArticle(
          article("corpus/k.xml", kIngested, [
            { cited: A, sentence: "Alpha was cited by kappa", stance: "supporting" },
          ]),
        );
        assert.deepEqual(
          (await store.unresolvedWorks()).map((w) => w.workId),
          [K.workId],
        );
        // Kahn is only a cited author so far: no citing publication of A is his.
        assert.equal((await reportOf(store, A.workId, { author: ["Kahn, K."] })).page.matchingStatements, 0);
        await store.mergeWorks(K.workId, kIngested.workId);
        assert.equal(await store.findWork(K.workId), null);
        // The ingested work took K's authors, and with them its place in the authors facet and filter.
        assert.equal((await reportOf(store, A.workId, { author: ["Kahn, K."] })).page.matchingStatements, 1);
        assert.deepEqual(
          (await reportOf(store, A.workId)).facets.authors.find((a) => a.value === "Kahn, K."),
          { value: "Kahn, K.", count: 1 },
        );
        const r = await reportOf(store, kIngested.workId);
        assert.equal(r.statementCount, 1);
        assert.equal(r.citingPublications, 1);
        assert.deepEqual(r.work.authors, K.authors);
        assert.equal(r.work.title, "Kappa study (published)");
        assert.equal(r.work.ingested, true);
        assert.equal(r.referenceCount, 1);
        assert.deepEqual(await store.unresolvedWorks(), []);
        const refs = await store.references(P2_WORK.workId);
        assert.deepEqual(
          refs.map((x) => x.work.workId),
          [A.workId, kIngested.workId],
        );
        assert.equal((await reportOf(store, A.workId)).tallies.supporting, 2);
        assert.equal((await store.search({ q: "kappa signalling" })).hits[0]?.cited.workId, kIngested.workId);
        await assertDefaultAgrees(store, kIngested.workId);
        await assertDefaultAgrees(store, A.workId);
        await store.mergeWorks(K.workId, kIngested.workId); // already merged: nothing happens
      }));

    test("mergeAll applies every merge in one transaction: all of them, or none when one fails", () =>
      withWorld(async (store) => {
        const kIngested = workByDoi("10.1000/kappa", { title: "Kappa study (published)", year: 2009 });
        await store.writeArticle(
          article("corpus/k.xml", kIngested, [
            { cited: A, sentence: "Alpha was cited by kappa", stance: "supporting" },
          ]),
        );
        const missing = workByDoi("10.1000/not-stored").workId;
        await assert.rejects(
          store.mergeAll([
            { from: K.workId, into: kIngested.workId },
            { from: B.workId, into: missing },
          ]),
        );
        // The first merge was rolled back with the failing second one.
        assert.deepEqual(
          (await store.unresolvedWorks()).map((w) => w.workId),
          [K.workId],
        );
        assert.equal((await reportOf(store, K.workId)).statementCount, 1);
        await store.mergeAll([{ from: K.workId, into: kIngested.workId }]);
        assert.equal(await store.findWork(K.workId), null);
        assert.equal((await reportOf(store, kIngested.workId)).statementCount, 1);
        await assertDefaultAgrees(store, kIngested.workId);
        await store.mergeAll([]);
      }));

    test("writeArticles writes several articles in one transaction: all of them, or none when one fails", () =>
      withWorld(async (store) => {
        const k = workByDoi("10.1000/kappa", { title: "Kappa study (published)", year: 2009 });
        const m = workByDoi("10.1000/mu", { title: "Mu study", year: 2011 });
        const good = article("corpus/k.xml", k, [{ cited: A, sentence: "Alpha was cited by kappa" }]);
        const bad = article("corpus/m.xml", m, [{ cited: A, sentence: "Alpha was cited by mu" }]);
        // A statement citing a work that is neither referenced nor stored makes the second write fail.
        const broken = {
          ...bad,
          statements: bad.statements.map((s) => ({ ...s, citedWorkId: workByDoi("10.1000/nowhere").workId })),
        };
        await assert.rejects(store.writeArticles([good, broken]));
        assert.equal(await store.source("corpus/k.xml"), null);
        assert.equal((await reportOf(store, A.workId)).statementCount, 5);
        await store.writeArticles([good, bad]);
        assert.equal((await store.source("corpus/m.xml"))?.status, "ok");
        assert.equal((await reportOf(store, A.workId)).statementCount, 7);
        await assertDefaultAgrees(store, A.workId);
      }));

    test("a cited work keeps known fields and fills missing ones", () =>
      withWorld(async (store) => {
        const sparse = workByDoi("10.1000/alpha", { title: "Other title", abstract: "Filled later" });
        await store.writeArticle(
          article("corpus/p3.xml", workByDoi("10.7554/eLife.00003"), [{ cited: sparse, sentence: "x" }]),
        );
        const w = await store.findWork(A.workId);
        assert.equal(w?.title, "Alpha pathway in mice");
        assert.equal(w?.abstract, "Filled later");
        assert.equal(w?.year, 2010);
      }));

    test("the default report agrees with the filtered one after writes, rewrites and filled metadata", () =>
      withWorld(async (store) => {
        await assertDefaultAgrees(store, A.workId);
        // An article without a year, citing A; a later article cites it and knows its year and journal.
        const undated = workByDoi("10.7554/eLife.00009", { title: "Undated" });
        await store.writeArticle(article("corpus/p9.xml", undated, [{ cited: A, sentence: "Undated cites alpha" }]));
        assert.equal(
          (await reportOf(store, A.workId)).facets.year.reduce((n, f) => n + f.count, 0),
          5,
        );
        const dated = workByDoi("10.7554/eLife.00009", { year: 2016, journal: "eLife", type: "research-article" });
        await store.writeArticle(
          article("corpus/p10.xml", workByDoi("10.7554/eLife.00010"), [{ cited: dated, sentence: "x" }]),
        );
        const r = await reportOf(store, A.workId);
        assert.deepEqual(r.facets.year.at(-1), { value: "2016", count: 1 });
        assert.equal(facet(r.facets.journals).eLife, 4);
        await assertDefaultAgrees(store, A.workId);
        await store.writeArticle(P1);
        await assertDefaultAgrees(store, A.workId);
      }));

    test("worksByTitleKey finds resolver candidates", () =>
      withWorld(async (store) => {
        const found = await store.worksByTitleKey("kappa study");
        assert.deepEqual(
          found.map((w) => w.workId),
          [K.workId],
        );
        assert.equal(found[0]?.authors[0]?.surname, "Kahn");
        assert.deepEqual(await store.worksByTitleKey("nothing"), []);
      }));

    test("references list cited works in order with their tallies; tallies and top works in bulk", () =>
      withWorld(async (store) => {
        const refs = await store.references(P1_WORK.workId);
        assert.deepEqual(
          refs.map((r) => [r.refId, r.work.workId]),
          [
            ["bib1", A.workId],
            ["bib2", B.workId],
          ],
        );
        assert.deepEqual(refs[0]?.tallies, { supporting: 1, mentioning: 2, contrasting: 2 });
        const t = await store.tallies([A.workId, K.workId, P1_WORK.workId, "w0000000000000000" as WorkId]);
        assert.deepEqual(t.get(K.workId), { supporting: 0, mentioning: 1, contrasting: 0 });
        assert.deepEqual(t.get(P1_WORK.workId), { supporting: 0, mentioning: 0, contrasting: 0 });
        assert.equal(t.has("w0000000000000000" as WorkId), false);
        const top = await store.topWorks("statements", 2);
        assert.deepEqual(
          top.map((w) => w.work.workId),
          [A.workId, B.workId],
        );
        assert.deepEqual(
          (await store.topWorks("contrasting", 10)).map((w) => w.work.workId),
          [A.workId],
        );
      }));

    test("stats count the whole index", () =>
      withWorld(async (store) => {
        const s = await store.stats();
        assert.equal(s.works, 5);
        assert.equal(s.ingestedArticles, 2);
        assert.equal(s.statements, 7);
        assert.equal(s.references, 4);
        assert.equal(s.resolvedShare, 3 / 4);
        assert.deepEqual(s.tallies, { supporting: 1, mentioning: 4, contrasting: 2 });
      }));
  });
}
