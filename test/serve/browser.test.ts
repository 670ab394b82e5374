/**
 * Browser tests: Debian's chromium, driven by playwright-core, against the real server on 127.0.0.1
 * serving a database ingested from real eLife files. Open a report, click facets, change the order,
 * search inside the report, expand "See N more", download a Cite export, and check what each shows.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type RunningServer, startServer } from "../../src/serve/server.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/index.js";
import { corpus } from "../support/data.js";
import { browserSkip, launchChromium } from "./chromium.js";
import { buildElifeDb, tempDir } from "./databases.js";

const ELIFE = corpus("elife-articles-2012-2016", "xml");
const skip = ELIFE.skip || browserSkip();

/** The number in "N statements from M publications match" (or "N statements from M publications"). */
async function matching(page: Page): Promise<{ statements: number; publications: number }> {
  const text = (await page.locator(".matching").textContent()) ?? "";
  const m = /([\d,]+) statements? from ([\d,]+) publications?/.exec(text);
  assert.ok(m, text);
  return { statements: Number(m[1]?.replace(/,/g, "")), publications: Number(m[2]?.replace(/,/g, "")) };
}

describe("the web app in chromium on an eLife subset", { skip }, () => {
  const tmp = tempDir();
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const db = join(tmp.dir, "elife.db");
    await buildElifeDb(ELIFE.path as string, db);
    store = openSqliteStore(db, { readonly: true });
    server = await startServer(store, { port: 0, hostname: "127.0.0.1" });
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    tmp.cleanup();
  });

  test("opens the report of eLife.00102 with its header, tallies and citing statement", async () => {
    await page.goto(`${server.url}/works/10.7554/eLife.00102`);
    assert.equal(new URL(page.url()).pathname, "/works/10.7554/elife.00102");
    const title = await page.locator("h1").textContent();
    assert.ok(title && title.length > 10, title ?? "");
    assert.match(
      (await page.locator(".tallies .counts").textContent()) ?? "",
      /Cited by 1 publication \(1 citation statement\)/,
    );
    assert.equal(await page.locator(".tally .n").count(), 3);
    assert.equal(await page.locator("#statements article.card").count(), 1);
    assert.ok(await page.locator("mark.marker").first().isVisible());
    // Abstract: collapsed, "Show more" opens it.
    const abstract = page.locator("details.abstract");
    if ((await abstract.count()) > 0) {
      assert.equal(await abstract.getAttribute("open"), null);
      await page.getByText("Show more").click();
      assert.notEqual(await abstract.getAttribute("open"), null);
    }
  });

  test("facets narrow the statements and can be undone", async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    const before = await matching(page);
    assert.ok(before.statements >= 10, JSON.stringify(before));
    const facet = page.locator('a.facet[data-facet="section"]').first();
    const value = (await facet.getAttribute("data-value")) as string;
    const count = Number((await facet.locator(".count").textContent())?.replace(/,/g, ""));
    await facet.click();
    await page.waitForURL(/section=/);
    const after = await matching(page);
    assert.equal(after.statements, count);
    assert.ok(after.statements <= before.statements);
    assert.equal(await page.locator(`a.facet.active[data-facet="section"][data-value="${value}"]`).count(), 1);
    // Every card shown (including grouped ones) stands in that section.
    const sections = await page.locator("#statements article.card .section").allTextContents();
    const name = value.charAt(0).toUpperCase() + value.slice(1);
    for (const s of sections) assert.ok(s.startsWith(name), s);
    // Clicking the active value again removes the filter.
    await page.locator(`a.facet.active[data-facet="section"]`).click();
    await page.waitForURL((u) => !u.search.includes("section="));
    assert.deepEqual(await matching(page), before);
  });

  test("the year range narrows to citing publications of those years", async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    const years = (
      await page.locator(".histogram a").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""))
    ).map((l) => Number(l.slice(0, 4)));
    const year = years.at(-1) as number;
    await page.locator('.year-range input[name="from"]').fill(String(year));
    await page.locator('.year-range input[name="to"]').fill(String(year));
    await page.locator(".year-range button").click();
    await page.waitForURL(/from=/);
    const metas = await page.locator("#statements .citing .work-meta").allTextContents();
    assert.ok(metas.length > 0);
    for (const m of metas) assert.ok(m.includes(String(year)), m);
  });

  test("changing the order to oldest and newest sorts citing publications by year", async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    const yearsShown = async () =>
      (await page.locator("#statements .citing .work-meta").allTextContents()).map((t) =>
        Number(/\b(19|20)\d\d\b/.exec(t)?.[0]),
      );
    await page.locator(".order a", { hasText: "Oldest" }).click();
    await page.waitForURL(/order=oldest/);
    assert.equal(await page.locator('.order a[aria-current="true"]').textContent(), "Oldest");
    const oldest = await yearsShown();
    assert.deepEqual(
      oldest,
      [...oldest].sort((a, b) => a - b),
    );
    await page.locator(".order a", { hasText: "Newest" }).click();
    await page.waitForURL(/order=newest/);
    const newest = await yearsShown();
    assert.deepEqual(
      newest,
      [...newest].sort((a, b) => b - a),
    );
    assert.ok(newest[0] !== oldest[0] || newest.length === 1 || new Set(oldest).size === 1);
  });

  test("searching inside the report shows only matching statements", async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    const before = await matching(page);
    await page.locator("#report-q").fill("ribosome");
    await page.locator("form.report-search button").click();
    await page.waitForURL(/q=ribosome/);
    const after = await matching(page);
    assert.ok(
      after.statements > 0 && after.statements < before.statements,
      `${after.statements} of ${before.statements}`,
    );
    await page.locator("#report-q").fill("zzzzqqqnothing");
    await page.locator("form.report-search button").click();
    await page.waitForURL(/q=zzzzqqqnothing/);
    assert.equal((await matching(page)).statements, 0);
    assert.ok(await page.locator(".empty").isVisible());
  });

  test('"See N more" reveals the other statements of the same citing paper', async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    const more = page.locator("details.see-more").first();
    const label = (await more.locator(":scope > summary").textContent()) ?? "";
    const n = Number(/See (\d+) more/.exec(label)?.[1]);
    assert.ok(n >= 1, label);
    const hidden = more.locator("article.card");
    assert.equal(await hidden.count(), n);
    assert.equal(await hidden.first().isVisible(), false);
    await more.locator(":scope > summary").click();
    assert.equal(await hidden.first().isVisible(), true);
    // The "why" cues open on demand too.
    const why = hidden.first().locator("details.why");
    await why.locator(":scope > summary").click();
    assert.match((await why.textContent()) ?? "", /Intent:/);
  });

  test("Cite gives APA text and a BibTeX download of the work", async () => {
    await page.goto(`${server.url}/works/10.7554/elife.00461`);
    await page.locator("details.cite summary").click();
    assert.match(
      (await page.locator("#apa-text").textContent()) ?? "",
      /\(2013\)\..*https:\/\/doi\.org\/10\.7554\/elife\.00461/,
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "BibTeX" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "10.7554_elife.00461.bib");
    const text = readFileSync((await download.path()) as string, "utf8");
    assert.match(text, /^@article\{/);
    assert.match(text, /doi = \{10\.7554\/elife\.00461\}/);
  });

  test("the search page and the home page work from their forms", async () => {
    await page.goto(`${server.url}/`);
    await page.locator("#doi").fill("https://doi.org/10.7554/eLife.00461");
    await page.locator(".hero button").click();
    await page.waitForURL(/\/works\/10\.7554\/elife\.00461$/);
    await page.locator("#site-q").fill("cryo-EM");
    await page.locator(".site-search button").click();
    await page.waitForURL(/\/search\?q=cryo-EM/);
    const hits = await page.locator("article.hit").count();
    assert.ok(hits > 0);
    assert.ok((await page.locator("article.hit mark").count()) > 0);
    const facet = page.locator('a.facet[data-facet="stance"]').first();
    await facet.click();
    await page.waitForURL(/stance=/);
    assert.equal(await page.locator("a.facet.active").count(), 1);
  });
});
