import assert from "node:assert/strict";
import { test } from "node:test";
import { storeConformance } from "../conformance/index.js";
import { P1, P2 } from "../conformance/world.js";
import { openSqliteStore } from "./index.js";

storeConformance(async () => openSqliteStore(":memory:"), "sqlite in memory");

test("a search with more matches than the sample ranks, counts and facets the newest ones", async () => {
  const store = openSqliteStore(":memory:", { searchSample: 2 });
  await store.writeArticle(P1);
  await store.writeArticle(P2);
  const r = await store.search({ q: "replicate" });
  assert.equal(r.sampled, true);
  assert.equal(r.total, 2);
  // The newest two matches are the last written: P1's B statement and P2's.
  assert.deepEqual(r.hits.map((h) => h.citing.workId).sort(), [P1.work.workId, P2.work.workId].sort());
  assert.equal((await store.search({ q: '"did not replicate"' })).sampled, undefined);
  await store.close();
});
