import assert from "node:assert/strict";
import { test } from "node:test";
import { INTENTS, STANCES } from "../../src/core/statement.js";
import { readElifeStance } from "../../src/pipeline/classify/data.js";
import { serializeModel } from "../../src/pipeline/classify/model-file.js";
import { DEFAULT_OPTIONS } from "../../src/pipeline/classify/recipe.js";
import { task, trainModel } from "../../src/pipeline/classify/train.js";
import { corpus } from "../support/data.js";

const train = corpus("elife-stance-train", "train.jsonl");

test("training is deterministic: the same data gives the same model file byte for byte", { skip: train.skip }, () => {
  const items = readElifeStance(train.path as string).slice(0, 1500);
  const options = { ...DEFAULT_OPTIONS, features: { ...DEFAULT_OPTIONS.features, bits: 12 }, folds: 3 };
  const once = () =>
    serializeModel(
      trainModel(
        task(STANCES, items, (s) => s.stance),
        task(INTENTS, items, (s) => s.intent),
        options,
        { data: "first 1,500 of elife-stance-train" },
      ),
    );
  const a = once();
  const b = once();
  assert.equal(a.version, b.version);
  assert.ok(a.bytes.equals(b.bytes));
});
