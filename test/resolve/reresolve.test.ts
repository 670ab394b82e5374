/**
 * End-of-batch re-resolution against a real (in-memory SQLite) store: a reference without a DOI written
 * before any work with its title had a DOI is merged into that work once one arrives.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Person, ReferenceEntry, WorkMeta } from "../../src/core/document.js";
import { type Doi, normalizeDoi, workIdFromDoi } from "../../src/core/ids.js";
import { buildArticle } from "../../src/pipeline/index/article.js";
import { Resolver, reresolveUnresolved } from "../../src/pipeline/resolve/index.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";

const person = (surname: string, given: string): Person => ({ surname, given, orcid: null });
const versions = { parser: "p", extractor: "e", resolver: "r", classifier: "c" };
const meta = (doi: string, title: string): WorkMeta => ({
  doi: normalizeDoi(doi),
  title,
  authors: [person("Author", "A")],
  journal: "eLife",
  year: 2014,
  publicationType: "research-article",
  abstract: null,
  license: null,
});
const ref = (id: string, doi: string | null, over: Partial<ReferenceEntry> = {}): ReferenceEntry => ({
  id,
  raw: "Nissen P. 2000. The structural basis of ribosome activity in peptide bond synthesis. Science 289.",
  doi: normalizeDoi(doi),
  pmid: null,
  title: "The structural basis of ribosome activity in peptide bond synthesis",
  authors: [person("Nissen", "P")],
  year: 2000,
  source: "Science",
  volume: "289",
  pages: "920",
  publicationType: "journal",
  ...over,
});

test("an unresolved work is merged into the DOI work of the same title found later in the batch", async () => {
  const store = openSqliteStore(":memory:");
  try {
    const resolver = new Resolver((key) => store.worksByTitleKey(key));
    const write = async (path: string, m: WorkMeta, refs: ReferenceEntry[]) =>
      store.writeArticle(
        await buildArticle(
          { path, contentHash: path, versions },
          { work: m, references: refs, statements: [], classifications: [] },
          [],
          resolver,
        ),
      );
    // A cites the paper without a DOI; nothing is known yet, so it stays unresolved.
    await write("a.xml", meta("10.1000/a", "Article A"), [ref("b1", null)]);
    // B cites it with its DOI; C cites it without DOI and now matches by metadata.
    const doi = "10.1126/science.289.5481.920";
    await write("b.xml", meta("10.1000/b", "Article B"), [ref("r1", doi)]);
    await write("c.xml", meta("10.1000/c", "Article C"), [ref("x", null, { year: 2001 })]);
    const target = workIdFromDoi(normalizeDoi(doi) as Doi);
    const refsOf = async (citing: string) => (await store.references(workIdFromDoi(normalizeDoi(citing) as Doi)))[0];
    assert.notEqual((await refsOf("10.1000/a"))?.work.workId, target);
    assert.equal((await refsOf("10.1000/c"))?.work.workId, target);

    const merges = await reresolveUnresolved(store);
    assert.equal(merges.length, 1);
    assert.equal(merges[0]?.into, target);
    assert.equal((await refsOf("10.1000/a"))?.work.workId, target);
    assert.deepEqual(await store.unresolvedWorks(), []);
    // Running it again changes nothing.
    assert.deepEqual(await reresolveUnresolved(store), []);
  } finally {
    await store.close();
  }
});

test("an unresolved work whose title matches a DOI work by another author and decade is left alone", async () => {
  const store = openSqliteStore(":memory:");
  try {
    const resolver = new Resolver((key) => store.worksByTitleKey(key));
    for (const [path, refs] of [
      ["a.xml", [ref("b1", null, { authors: [person("Smith", "J")], year: 1975 })]],
      ["b.xml", [ref("r1", "10.1126/science.289.5481.920")]],
    ] as const) {
      await store.writeArticle(
        await buildArticle(
          { path, contentHash: path, versions },
          { work: meta(`10.1000/${path}`, path), references: refs, statements: [], classifications: [] },
          [],
          resolver,
        ),
      );
    }
    assert.deepEqual(await reresolveUnresolved(store), []);
    assert.equal((await store.unresolvedWorks()).length, 1);
  } finally {
    await store.close();
  }
});
