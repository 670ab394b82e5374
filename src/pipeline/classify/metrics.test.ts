import assert from "node:assert/strict";
import { test } from "node:test";
import { calibrationError, score } from "./metrics.js";

test("per-class precision, recall, F1 and macro-F1 match a hand-computed confusion matrix", () => {
  // gold a a a b b c ; predicted a a b b c c
  const s = score(["a", "b", "c"], [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2]);
  assert.deepEqual(s.confusion, [
    [2, 1, 0],
    [0, 1, 1],
    [0, 0, 1],
  ]);
  const [a, b, c] = s.perClass;
  assert.equal(a?.precision, 1);
  assert.equal(a?.recall, 2 / 3);
  assert.equal(b?.precision, 0.5);
  assert.equal(b?.recall, 0.5);
  assert.equal(c?.precision, 0.5);
  assert.equal(c?.recall, 1);
  const f1 = (p: number, r: number) => (2 * p * r) / (p + r);
  assert.ok(Math.abs(s.macroF1 - (f1(1, 2 / 3) + 0.5 + f1(0.5, 1)) / 3) < 1e-12);
  assert.equal(s.accuracy, 4 / 6);
});

test("a class never predicted has precision 0 and F1 0, not NaN", () => {
  const s = score(["a", "b"], [0, 1], [0, 0]);
  assert.equal(s.perClass[1]?.f1, 0);
  assert.equal(s.perClass[1]?.precision, 0);
});

test("ECE is the count-weighted gap between confidence and accuracy per bin", () => {
  // Bin 0.9-1.0: confidences 0.95, 0.95, both right (gap 0.05); bin 0.6-0.7: 0.6 wrong, 0.6 right (gap 0.1).
  const { ece, table } = calibrationError([0.95, 0.95, 0.6, 0.6], [true, true, false, true]);
  assert.ok(Math.abs(ece - (0.5 * 0.05 + 0.5 * 0.1)) < 1e-12);
  assert.equal(table.length, 2);
  assert.equal(table[0]?.count, 2);
});
