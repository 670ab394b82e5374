import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { ClassifierModel } from "./model.js";
import { parseModel, readModel, serializeModel } from "./model-file.js";

function tinyModel(): Omit<ClassifierModel, "version"> & { name: string } {
  const dim = 1 << 4;
  const head = (seed: number) => ({
    labels: ["a", "b", "c"],
    linear: {
      classes: 3,
      dim,
      weights: Float32Array.from({ length: dim * 3 }, (_, i) => (i % 5 === 0 ? 0 : Math.sin(i + seed))),
      bias: Float32Array.from([0.1, -0.2, 0.3]),
    },
    calibration: { scale: 0.5, bias: [0.1, 0, -0.1] },
    decision: [0.2, 0, 0.4],
  });
  return {
    name: "tiny",
    features: { bits: 4, bigrams: true, position: true, context: true, evidence: true },
    stance: head(1),
    intent: head(2),
    provenance: { stance: "synthetic" },
  };
}

test("a model survives a round trip through its file within the int16 quantization step", () => {
  const model = tinyModel();
  const { bytes, version } = serializeModel(model);
  const back = parseModel(bytes);
  assert.equal(back.version, version);
  assert.match(version, /^tiny\+[0-9a-f]{8}$/);
  assert.deepEqual(back.stance.decision, [0.2, 0, 0.4]);
  assert.deepEqual(back.intent.calibration, { scale: 0.5, bias: [0.1, 0, -0.1] });
  const step = 1 / 32767;
  model.stance.linear.weights.forEach((w, i) => {
    assert.ok(Math.abs((back.stance.linear.weights[i] as number) - w) <= step + 1e-7);
  });
});

test("serializing the same model twice gives the same bytes", () => {
  assert.deepEqual(serializeModel(tinyModel()).bytes, serializeModel(tinyModel()).bytes);
});

test("a file of another format version is refused with a message saying how to fix it", () => {
  const { bytes } = serializeModel(tinyModel());
  const text = bytes.toString("latin1").replace('"format":1', '"format":9');
  assert.throws(() => parseModel(Buffer.from(text, "latin1"), "m.clf"), /format version 9.*citelens train/);
});

test("a missing or foreign file is refused with a clear message", () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-model-"));
  assert.throws(() => readModel(join(dir, "missing.clf")), /cannot read the classifier model.*citelens train/);
  writeFileSync(join(dir, "foreign.clf"), "hello");
  assert.throws(() => readModel(join(dir, "foreign.clf")), /not a Citelens classifier model/);
});
