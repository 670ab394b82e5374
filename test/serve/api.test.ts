/**
 * The JSON API and the pages through `app.request()`, on databases made by the real pipeline and store:
 * an eLife subset (skipped, saying so, when ../shared/data is absent) and a database of hostile text.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { normalizeDoi, workIdFromDoi } from "../../src/core/ids.js";
import type { Report } from "../../src/core/report.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { createApp } from "../../src/serve/app.js";
import type { SqliteStore } from "../../src/store/sqlite/index.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { corpus } from "../support/data.js";
import { buildElifeDb, buildHostileDb, HOSTILE_CITED_DOI, tempDir } from "./databases.js";
import { HOSTILE } from "./hand-report.js";

const ELIFE = corpus("elife-articles-2012-2016", "xml");
const DOI = "10.7554/eLife.00102";
const HUB = "10.7554/eLife.00461";

async function problemOf(res: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.status, status);
  for (const k of ["type", "title", "detail"]) assert.equal(typeof body[k], "string", k);
  return body;
}

describe("API and pages on an eLife subset", { skip: ELIFE.skip }, () => {
  const tmp = tempDir();
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  const get = (path: string) => app.request(path);
  const db = join(tmp.dir, "elife.db");

  before(async () => {
    const built = await buildElifeDb(ELIFE.path as string, db);
    assert.ok(built.articles >= 10, `ingested ${built.articles} articles`);
    store = openSqliteStore(db, { readonly: true });
    app = createApp(store);
  });
  after(async () => {
    await store?.close();
    tmp.cleanup();
  });

  test("GET /api/works/{doi} returns exactly the store's Report document, for any written form of the DOI", async () => {
    const id = workIdFromDoi(normalizeDoi(DOI) as NonNullable<ReturnType<typeof normalizeDoi>>);
    const expected = JSON.parse(JSON.stringify(await store.report(id, {})));
    for (const form of [DOI, DOI.toLowerCase(), `https://doi.org/${DOI}`, id]) {
      const res = await get(`/api/works/${form}`);
      assert.equal(res.status, 200, form);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      assert.deepEqual(await res.json(), expected, form);
    }
    assert.equal(expected.work.doi, "10.7554/elife.00102");
    assert.ok(expected.statementCount > 0, "eLife.00102 is cited in the subset");
  });

  test("GET /api/works/{doi} is the same document as citelens report --json", async () => {
    const main = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
    const cli = spawnSync(process.execPath, [main, "report", DOI, "--db", db, "--json"], { encoding: "utf8" });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(await (await get(`/api/works/${DOI}`)).json(), JSON.parse(cli.stdout));
  });

  test("GET /api/works/{doi}/statements filters, orders and pages", async () => {
    const all = (await (await get(`/api/works/${HUB}/statements?pageSize=100`)).json()) as Report;
    assert.ok(all.page.matchingStatements > 5);
    const top = [...all.facets.stance].sort((a, b) => b.count - a.count)[0];
    const stance = top?.value as string;
    const filtered = (await (await get(`/api/works/${HUB}/statements?stance=${stance}&pageSize=100`)).json()) as Report;
    assert.ok(filtered.statements.length > 0);
    for (const g of filtered.statements) for (const s of g.statements) assert.equal(s.stance, stance);
    assert.equal(filtered.page.matchingStatements, top?.count);
    const oldest = (await (await get(`/api/works/${HUB}/statements?order=oldest&pageSize=100`)).json()) as Report;
    const years = oldest.statements.map((g) => g.citing.year ?? 0);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => a - b),
    );
    const page2 = (await (await get(`/api/works/${HUB}/statements?order=oldest&pageSize=2&page=2`)).json()) as Report;
    assert.equal(page2.page.page, 2);
    assert.deepEqual(
      page2.statements.map((g) => g.citing.workId),
      oldest.statements.slice(2, 4).map((g) => g.citing.workId),
    );
  });

  test("works and statements: malformed DOI 400, unknown 404, bad parameters 400, as problem details", async () => {
    await problemOf(await get("/api/works/not-a-doi"), 400);
    await problemOf(await get("/api/works/not-a-doi/statements"), 400);
    const unknown = await problemOf(await get("/api/works/10.9999/no.such.work"), 404);
    assert.equal(unknown.type, "/api/problems/unknown-work");
    assert.equal(unknown.instance, "/api/works/10.9999/no.such.work");
    const bad = await problemOf(await get(`/api/works/${DOI}/statements?stance=agree&pageSize=1000`), 400);
    assert.equal((bad.errors as string[]).length, 2);
    await problemOf(await get(`/api/works/${DOI}?order=best`), 400);
    await problemOf(await get(`/api/works/${DOI}?nope=1`), 400);
    const type = (await (await get("/api/problems/unknown-work")).json()) as { status: number };
    assert.equal(type.status, 404);
  });

  test("GET /api/search finds statements across the index, with facets; q is required", async () => {
    const res = (await (await get("/api/search?q=protein&pageSize=5")).json()) as {
      total: number;
      hits: { snippet: string; cited: { workId: string } }[];
      facets: { stance: unknown[] };
    };
    assert.ok(res.total > 0);
    assert.ok(res.hits.length > 0 && res.hits.length <= 5);
    assert.match(res.hits[0]?.snippet ?? "", /\u0001/);
    assert.ok(res.facets.stance.length > 0);
    await problemOf(await get("/api/search"), 400);
    await problemOf(await get("/api/search?q=x&stance=nope"), 400);
  });

  test("GET /api/tallies/{doi} gives the report's tallies; errors are 400 and 404", async () => {
    const report = (await (await get(`/api/works/${HUB}`)).json()) as Report;
    const t = (await (await get(`/api/tallies/${HUB}`)).json()) as { tallies: unknown; doi: string };
    assert.deepEqual(t.tallies, report.tallies);
    assert.equal(t.doi, "10.7554/elife.00461");
    await problemOf(await get("/api/tallies/xyz"), 400);
    await problemOf(await get("/api/tallies/10.9999/none"), 404);
  });

  test("POST /api/tallies answers up to 1,000 DOIs in order and refuses more or bad bodies", async () => {
    const post = (body: string) =>
      app.request("/api/tallies", { method: "POST", body, headers: { "content-type": "application/json" } });
    const res = await post(JSON.stringify({ dois: [HUB, "10.9999/none", "junk", `doi:${DOI}`] }));
    assert.equal(res.status, 200);
    const { results } = (await res.json()) as { results: { status: string; tallies: unknown; input: string }[] };
    assert.deepEqual(
      results.map((r) => r.status),
      ["found", "unknown", "malformed", "found"],
    );
    assert.equal(results[3]?.input, `doi:${DOI}`);
    const thousand = await post(JSON.stringify({ dois: Array.from({ length: 1000 }, (_, i) => `10.9999/x${i}`) }));
    assert.equal(thousand.status, 200);
    await problemOf(await post(JSON.stringify({ dois: Array.from({ length: 1001 }, () => DOI) })), 400);
    await problemOf(await post("{not json"), 400);
    await problemOf(await post(JSON.stringify({ dois: "10.1/x" })), 400);
    await problemOf(await post(JSON.stringify([DOI])), 400);
  });

  test("GET /api/openapi.json is an OpenAPI 3.1 document naming every endpoint", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, object> };
    assert.equal(doc.openapi, "3.1.0");
    for (const p of [
      "/api/works/{doi}",
      "/api/works/{doi}/statements",
      "/api/search",
      "/api/tallies/{doi}",
      "/api/tallies",
      "/api/openapi.json",
      "/badge/{doi}.svg",
    ])
      assert.ok(p in doc.paths, p);
  });

  test("unknown API paths are 404 and wrong methods 405, as problem details", async () => {
    await problemOf(await get("/api/nothing"), 404);
    await problemOf(await app.request(`/api/tallies/${DOI}`, { method: "DELETE" }), 405);
  });

  test("HTML pages carry a CSP with the script's nonce and nosniff; JSON carries nosniff", async () => {
    for (const path of ["/", `/works/${DOI.toLowerCase()}`, "/search?q=protein", "/search", "/nowhere"]) {
      const res = await get(path);
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/, path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /style-src 'self'(;|$)/);
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, path);
      const page = await res.text();
      const scripts = [...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
      assert.equal(scripts.length, 1);
      assert.ok(scripts[0]?.includes(`nonce="${nonce}"`), path);
      assert.doesNotMatch(page, /\sstyle="/);
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, `${path}: duplicate ids`);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    }
    const json = await get(`/api/tallies/${DOI}`);
    assert.equal(json.headers.get("x-content-type-options"), "nosniff");
  });

  test("report pages: canonical redirect, 400 for a malformed DOI, 404 for an unknown one, bad filters 400", async () => {
    const redirect = await get(`/works/${DOI}?order=newest`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("location"), "/works/10.7554/elife.00102?order=newest");
    assert.equal((await get("/works/garbage")).status, 400);
    assert.equal((await get("/works/10.9999/none")).status, 404);
    assert.equal((await get(`/works/${DOI.toLowerCase()}?stance=bogus`)).status, 400);
    const lookup = await get(`/lookup?doi=${encodeURIComponent(`https://doi.org/${DOI}`)}`);
    assert.equal(lookup.status, 303);
    assert.equal(lookup.headers.get("location"), "/works/10.7554/elife.00102");
    assert.equal((await get("/lookup?doi=nothing")).status, 400);
  });

  test("works without a DOI have report pages and exports under their work id", async () => {
    const noDoi = (await store.topWorks("statements", 300)).find((w) => w.work.doi === null);
    assert.ok(noDoi, "the subset has a cited work without a DOI");
    const res = await get(`/works/${noDoi.work.workId}`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), new RegExp(`Work id <code>${noDoi.work.workId}</code>`));
    assert.equal((await get(`/works/${noDoi.work.workId}/cite.ris`)).status, 200);
    const api = (await (await get(`/api/works/${noDoi.work.workId}`)).json()) as Report;
    assert.equal(api.work.workId, noDoi.work.workId);
  });

  test("the report page shows the header, tallies, counts, cards, facets, summary and definitions", async () => {
    const report = (await (await get(`/api/works/${HUB}`)).json()) as Report;
    const page = await (await get("/works/10.7554/elife.00461")).text();
    assert.ok(page.includes(`Cited by ${report.citingPublications} publication`));
    assert.ok(page.includes(`(${report.statementCount} citation statement`));
    assert.match(
      page,
      new RegExp(`<span class="n">${report.tallies.contrasting}</span><span class="what">Contrasting`),
    );
    assert.match(page, /Help me understand this report/);
    assert.match(page, /<mark class="marker">/);
    assert.match(page, /What the labels mean/);
    assert.match(page, /fails to reproduce/);
    assert.match(page, /data-facet="section"/);
    assert.match(page, /class="histogram"/);
    assert.match(page, /View full text/);
    assert.match(page, /badge\/10.7554\/elife.00461.svg/);
  });

  test("with the response cache on, a repeat request is the same page with a fresh nonce matching its CSP", async () => {
    const cached = createApp(store, { cache: { version: () => "fixed" } });
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    const first = await cached.request(`/works/${HUB.toLowerCase()}`);
    const second = await cached.request(`/works/${HUB.toLowerCase()}`);
    const [a, b] = [await first.text(), await second.text()];
    assert.notEqual(nonceOf(first), nonceOf(second));
    assert.ok(b.includes(`nonce="${nonceOf(second)}"`));
    assert.equal(b.replaceAll(nonceOf(second), "N"), a.replaceAll(nonceOf(first), "N"));
    assert.equal(second.headers.get("x-content-type-options"), "nosniff");
  });

  test("badge and cite exports", async () => {
    const badge = await get(`/badge/${DOI}.svg`);
    assert.equal(badge.status, 200);
    assert.match(badge.headers.get("content-type") ?? "", /^image\/svg\+xml/);
    assert.match(await badge.text(), /supporting.*mentioning.*contrasting/s);
    await problemOf(await get("/badge/junk.svg"), 400);
    await problemOf(await get("/badge/10.9999/none.svg"), 404);
    const bib = await get(`/works/${DOI}/cite.bib`);
    assert.equal(bib.status, 200);
    assert.match(bib.headers.get("content-disposition") ?? "", /attachment; filename="10.7554_elife.00102.bib"/);
    assert.match(await bib.text(), /doi = \{10.7554\/elife.00102\}/);
    assert.match(await (await get(`/works/${DOI}/cite.ris`)).text(), /^TY {2}- JOUR/);
    const csl = (await (await get(`/works/${DOI}/cite.json`)).json()) as { DOI: string }[];
    assert.equal(csl[0]?.DOI, "10.7554/elife.00102");
    assert.equal((await get(`/works/${DOI}/cite.doc`)).status, 404);
  });
});

describe("escaping of hostile document text", () => {
  const tmp = tempDir();
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    const db = join(tmp.dir, "hostile.db");
    await buildHostileDb(db);
    store = openSqliteStore(db, { readonly: true });
    app = createApp(store);
  });
  after(async () => {
    await store?.close();
    tmp.cleanup();
  });

  const assertInert = (page: string, where: string) => {
    assert.equal([...page.matchAll(/<script/gi)].length, 1, `${where}: only the page's own script`);
    assert.doesNotMatch(page, /<img src=x/i, where);
    for (const m of page.matchAll(/<[a-z][^>]*>/g)) assert.doesNotMatch(m[0], /="[^"]*"[^\s>/=]/, `${where}: ${m[0]}`);
  };

  test("report, search and home pages escape titles, authors, sentences, sections, cues and queries", async () => {
    for (const path of [
      `/works/${HOSTILE_CITED_DOI}`,
      `/works/${HOSTILE_CITED_DOI}?q=${encodeURIComponent(HOSTILE)}`,
      "/works/10.1234/hostile.citing",
      `/search?q=found`,
      `/search?q=${encodeURIComponent(HOSTILE)}`,
      "/",
      `/lookup?doi=${encodeURIComponent(HOSTILE)}`,
    ]) {
      const res = await app.request(path);
      assert.ok(res.status < 500, path);
      const page = await res.text();
      assertInert(page, path);
    }
    const page = await (await app.request(`/works/${HOSTILE_CITED_DOI}`)).text();
    assert.ok(page.includes("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  });

  test("JSON keeps the text as it is, and the badge SVG stays well-formed", async () => {
    const r = (await (await app.request(`/api/works/${HOSTILE_CITED_DOI}`)).json()) as Report;
    assert.equal(r.work.title, `Cited ${HOSTILE}`);
    assert.equal(r.statements[0]?.statements[0]?.cues[0], HOSTILE);
    const svg = await (await app.request(`/badge/${HOSTILE_CITED_DOI}.svg`)).text();
    assert.doesNotMatch(svg, /<script/);
  });
});
