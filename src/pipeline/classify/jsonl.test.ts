import assert from "node:assert/strict";
import { test } from "node:test";
import type { Classifier } from "../../core/contracts.js";
import type { ClassifyInput } from "../../core/statement.js";
import { classifyJsonLines, parseLine } from "./jsonl.js";

/** A classifier stand-in that labels by sentence length, to test the line handling alone. */
const byLength: Classifier = {
  version: "test",
  classify: (inputs: readonly ClassifyInput[]) =>
    inputs.map((i) => ({
      stance: i.sentence.length > 10 ? "supporting" : "mentioning",
      confidence: 0.5,
      intent: "background",
      intentConfidence: 0.5,
      cues: [],
    })),
};

test("parseLine names what is wrong with a malformed line", () => {
  assert.match((parseLine("{bad") as { error: string }).error, /not valid JSON/);
  assert.match((parseLine('{"id": 1}') as { error: string }).error, /missing "sentence"/);
  assert.match((parseLine("[1]") as { error: string }).error, /not a JSON object/);
  assert.match((parseLine('{"sentence": "x", "section": 3}') as { error: string }).error, /"section"/);
  assert.deepEqual(parseLine('{"id": "a", "sentence": "s", "before": "b"}'), {
    id: "a",
    input: { sentence: "s", before: "b" },
  });
});

test("malformed lines are reported by line number and the others come out in input order", async () => {
  const lines = [
    '{"id": 1, "sentence": "short"}',
    "not json",
    "",
    '{"id": 2}',
    '{"id": 3, "sentence": "a longer one"}',
  ];
  const out: string[] = [];
  const errors: number[] = [];
  const r = await classifyJsonLines(
    lines,
    byLength,
    (t) => out.push(...t.trimEnd().split("\n")),
    (e) => errors.push(e.line),
  );
  assert.deepEqual(errors, [2, 4]);
  assert.deepEqual(r, { classified: 2, errors: 2 });
  assert.deepEqual(
    out.map((l) => JSON.parse(l) as { id: number; stance: string }).map((o) => [o.id, o.stance]),
    [
      [1, "mentioning"],
      [3, "supporting"],
    ],
  );
});
