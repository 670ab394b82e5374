import assert from "node:assert/strict";
import { test } from "node:test";
import { ResponseCache } from "./cache.js";

function setup(over: { maxEntries?: number; ttlMs?: number } = {}) {
  let version = "v1";
  let now = 0;
  const cache = new ResponseCache({ version: () => version, now: () => now, checkEveryMs: 0, ...over });
  return {
    cache,
    setVersion: (v: string) => {
      version = v;
    },
    tick: (ms: number) => {
      now += ms;
    },
  };
}

const page = (nonce: string) =>
  new Response(`<script nonce="${nonce}"></script>`, { headers: { "content-type": "text/html; charset=utf-8" } });

test("a cached page is served with a fresh nonce in place of the one it was rendered with", async () => {
  const { cache } = setup();
  await cache.put("/a", page("N1"), "N1");
  const hit = cache.get("/a", "N2");
  assert.ok(hit);
  assert.equal(await hit.text(), '<script nonce="N2"></script>');
  assert.equal(hit.headers.get("content-type"), "text/html; charset=utf-8");
  assert.deepEqual(cache.counts, { hits: 1, misses: 0 });
});

test("a change of data version, the age limit or the entry limit drops entries; non-200s are not kept", async () => {
  const s = setup({ maxEntries: 2, ttlMs: 1000 });
  await s.cache.put("/a", page("n"), "n");
  s.setVersion("v2");
  assert.equal(s.cache.get("/a", "n"), null);
  await s.cache.put("/a", page("n"), "n");
  s.tick(1001);
  assert.equal(s.cache.get("/a", "n"), null);
  for (const k of ["/1", "/2", "/3"]) await s.cache.put(k, page("n"), "n");
  assert.equal(s.cache.size, 2);
  assert.equal(s.cache.get("/1", "n"), null);
  await s.cache.put("/404", new Response("x", { status: 404 }), "n");
  assert.equal(s.cache.get("/404", "n"), null);
});
