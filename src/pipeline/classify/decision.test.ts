import assert from "node:assert/strict";
import { test } from "node:test";
import { decide, tuneOffsets } from "./decision.js";

test("decide picks the largest log-probability plus offset", () => {
  assert.equal(decide([0.6, 0.3, 0.1], [0, 0, 0]), 0);
  assert.equal(decide([0.6, 0.3, 0.1], [0, 0, 2]), 2);
});

test("tuned offsets raise a rare class that argmax never picks, and leave the fixed class at 0", () => {
  // Class 2 is never the argmax, but it is the truth exactly where its probability is highest.
  const probabilities: number[][] = [];
  const gold: number[] = [];
  for (let i = 0; i < 30; i++) {
    probabilities.push(i % 3 === 0 ? [0.05, 0.5, 0.45] : [0.2, 0.5, 0.3]);
    gold.push(i % 3 === 0 ? 2 : 1);
  }
  const offsets = tuneOffsets(probabilities, gold, 1, 1);
  assert.equal(offsets[1], 0);
  const pred = probabilities.map((p) => decide(p, offsets));
  assert.deepEqual(pred, gold);
});
