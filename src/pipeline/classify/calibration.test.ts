import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { seededRandom } from "../../core/random.js";
import { applyIsotonic, fitIsotonic, fitScaleAndBias, fitTemperature } from "./calibration.js";

/** Draws labels from softmax(z / T + bias) for random logits z: data with a known calibration. */
function synthetic(n: number, temperature: number, bias: readonly number[], seed: number) {
  const random = seededRandom(seed);
  const logits: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = [0, 0, 0].map(() => (random() - 0.5) * 12);
    const s = z.map((v, k) => v / temperature + (bias[k] as number));
    const m = Math.max(...s);
    const e = s.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    let u = random() * sum;
    let y = 0;
    while (y < 2 && u > (e[y] as number)) u -= e[y++] as number;
    logits.push(z);
    labels.push(y);
  }
  return { logits, labels };
}

test("temperature scaling recovers a known temperature", () => {
  for (const t of [0.5, 2, 3.5]) {
    const { logits, labels } = synthetic(20000, t, [0, 0, 0], 7);
    const fitted = fitTemperature(logits, labels);
    assert.ok(Math.abs(fitted - t) / t < 0.08, `fitted ${fitted} for a true temperature ${t}`);
  }
});

test("temperature with class biases recovers a known prior shift", () => {
  const { logits, labels } = synthetic(20000, 2, [0.8, 0, -0.8], 11);
  const fitted = fitScaleAndBias(logits, labels);
  assert.ok(Math.abs(1 / fitted.scale - 2) < 0.2, `temperature ${1 / fitted.scale}`);
  assert.ok(Math.abs((fitted.bias[0] as number) - 0.8) < 0.15, `bias ${fitted.bias}`);
  assert.ok(Math.abs((fitted.bias[2] as number) + 0.8) < 0.15, `bias ${fitted.bias}`);
});

test("isotonic regression is monotone and stays within the range of the targets", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), {
        minLength: 1,
        maxLength: 60,
      }),
      (pairs) => {
        const map = fitIsotonic(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        for (let i = 1; i < map.y.length; i++) assert.ok((map.y[i] as number) >= (map.y[i - 1] as number));
        let prev = -1;
        for (let x = 0; x <= 1.0001; x += 0.05) {
          const y = applyIsotonic(map, x);
          assert.ok(y >= prev - 1e-12 && y >= 0 && y <= 1);
          prev = y;
        }
      },
    ),
  );
});

test("isotonic regression pools a violating pair into their mean", () => {
  const map = fitIsotonic([0.1, 0.2, 0.3], [0, 1, 0]);
  assert.deepEqual(map.y, [0, 0.5]);
  assert.equal(applyIsotonic(map, 0.25), 0.5);
});
