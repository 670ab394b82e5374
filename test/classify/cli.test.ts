import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { PACKAGE_ROOT } from "../../src/paths.js";

const BIN = join(PACKAGE_ROOT, "bin", "citelens.js");

function run(input: string) {
  return spawnSync(process.execPath, [BIN, "classify", "--jsonl"], { input, encoding: "utf8" });
}

test("classify --jsonl answers every good line in order and names the bad lines on stderr", () => {
  const lines = [
    JSON.stringify({ id: "a", sentence: "As described in <<Smith, 2010>>, cells were fixed.", section: "Methods" }),
    "{not json",
    JSON.stringify({ id: "b", before: "no sentence here" }),
    JSON.stringify({
      id: 7,
      sentence: "Our data confirm <<Lee et al. (2012)>>.",
      before: "We measured it.",
      after: "",
    }),
  ];
  const r = run(`${lines.join("\n")}\n`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 2: not valid JSON/);
  assert.match(r.stderr, /line 3: missing "sentence"/);
  const out = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    out.map((o) => o.id),
    ["a", 7],
  );
  for (const o of out) {
    assert.deepEqual(Object.keys(o), ["id", "stance", "confidence", "intent", "intentConfidence", "cues"]);
  }
});

test("classify --jsonl exits 0 on clean input and handles 1,000 lines", () => {
  const lines = Array.from({ length: 1000 }, (_, i) =>
    JSON.stringify({ id: i, sentence: `Result ${i} is consistent with <<Smith, 2010>> and with our data.` }),
  );
  const r = run(`${lines.join("\n")}\n`);
  assert.equal(r.status, 0, r.stderr);
  const ids = r.stdout
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { id: number }).id);
  assert.deepEqual(
    ids,
    lines.map((_, i) => i),
  );
});
