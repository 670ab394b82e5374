/** A store that fails mid-request: the app answers 500 (a page or a problem document) and logs the error. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { StoreReader } from "../../src/core/report.js";
import { createApp } from "../../src/serve/app.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/index.js";
import { buildHostileDb, HOSTILE_CITED_DOI, tempDir } from "./databases.js";

const tmp = tempDir();
let store: SqliteStore;
before(async () => {
  const db = join(tmp.dir, "faults.db");
  await buildHostileDb(db);
  store = openSqliteStore(db, { readonly: true });
});
after(async () => {
  await store.close();
  tmp.cleanup();
});

test("a failing store read gives 500 with no internals shown, and the error is logged", async () => {
  // The real store, with one read made to fail as a locked or corrupt database would.
  const failing: StoreReader = Object.assign(Object.create(store) as StoreReader, {
    report: () => Promise.reject(new Error("SQLITE_CORRUPT: database disk image is malformed")),
  });
  const logged: unknown[] = [];
  const app = createApp(failing, { logError: (e) => logged.push(e) });
  const page = await app.request(`/works/${HOSTILE_CITED_DOI}`);
  assert.equal(page.status, 500);
  assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
  assert.doesNotMatch(await page.text(), /SQLITE_CORRUPT/);
  const api = await app.request(`/api/works/${HOSTILE_CITED_DOI}`);
  assert.equal(api.status, 500);
  assert.match(api.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.equal(((await api.json()) as { status: number }).status, 500);
  assert.equal(logged.length, 2);
  // Reads that do not fail still work.
  assert.equal((await app.request(`/api/tallies/${HOSTILE_CITED_DOI}`)).status, 200);
});
