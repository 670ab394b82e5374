import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { OrderedQueue } from "./ordered-queue.js";

const later = <T>(value: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(value), ms));

test("items are handled in push order whatever order they settle in, never more than capacity waiting", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
      fc.integer({ min: 1, max: 4 }),
      async (delays, capacity) => {
        const q = new OrderedQueue<number>(capacity);
        const seen: number[] = [];
        const drained = q.drain(async (v) => {
          seen.push(v);
        });
        for (const [i, d] of delays.entries()) await q.push(later(i, d));
        q.end();
        await drained;
        assert.deepEqual(
          seen,
          delays.map((_, i) => i),
        );
      },
    ),
    { numRuns: 30 },
  );
});

test("a failing handler stops the queue, releases a waiting producer and rethrows", async () => {
  const q = new OrderedQueue<number>(1);
  const drained = q.drain(async (v) => {
    if (v === 1) throw new Error("store failed");
  });
  await q.push(Promise.resolve(0));
  await q.push(Promise.resolve(1));
  await q.push(Promise.resolve(2));
  await q.push(Promise.resolve(3));
  await assert.rejects(drained, /store failed/);
  assert.equal(q.isStopped, true);
  await q.push(Promise.resolve(4));
});
