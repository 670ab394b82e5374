/**
 * Takes the README screenshots (report, search and home pages) with the browser tests' chromium setup.
 * Usage: node dist/test/serve/screenshots.js [database] [output folder]
 * (defaults: .bench/elife-full.db, the whole eLife corpus as 70-http builds it, and docs/screenshots).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { startServer } from "../../src/serve/server.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { launchChromium } from "./chromium.js";

const db = process.argv[2] ?? join(PACKAGE_ROOT, ".bench", "elife-full.db");
const out = process.argv[3] ?? join(PACKAGE_ROOT, "docs", "screenshots");
if (!existsSync(db)) throw new Error(`no database at ${db}`);
mkdirSync(out, { recursive: true });

await openSqliteStore(db).close(); // migrates an older schema
const store = openSqliteStore(db, { readonly: true });
const server = await startServer(store, { port: 0, hostname: "127.0.0.1" });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  // A much-cited work with both supporting and contrasting statements (a page with every label on it).
  const cited = await store.topWorks("statements", 300);
  const mixed = cited.filter((w) => w.tallies.supporting > 0 && w.tallies.contrasting > 0);
  const score = (w: (typeof cited)[number]) => w.tallies.supporting + 2 * w.tallies.contrasting;
  const top = mixed.sort((a, b) => score(b) - score(a))[0] ?? cited[0];
  const key = top?.work.doi ?? top?.work.workId ?? "";
  const shots: [string, string, boolean][] = [
    ["home", "/", true],
    ["report", `/works/${key}`, false],
    ["search", "/search?q=%22consistent+with%22", false],
  ];
  for (const [name, path, full] of shots) {
    await page.goto(`${server.url}${path}`);
    if (name === "report") {
      const more = page.locator("details.see-more > summary").first();
      if ((await more.count()) > 0) await more.click();
      await page.evaluate("window.scrollTo(0, 0)");
    }
    const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
    await page.screenshot({
      path: join(out, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: full ? height : Math.min(height, 2400) },
    });
    console.log(`${name}: ${server.url}${path}`);
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
