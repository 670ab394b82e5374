import assert from "node:assert/strict";
import { test } from "node:test";
import { INTENTS, STANCES } from "../../src/core/statement.js";
import { readElifeStance } from "../../src/pipeline/classify/data.js";
import { loadClassifier } from "../../src/pipeline/classify/index.js";
import { corpus } from "../support/data.js";

test("the committed default model loads and carries a version", () => {
  const c = loadClassifier();
  assert.match(c.version, /^[a-z0-9-]+\+[0-9a-f]{8}$/);
});

test("classifications are well formed and identical on a second run", () => {
  const c = loadClassifier();
  const inputs = [
    {
      sentence: "Consistent with <<Smith et al., 2010>>, we found that the mutant failed to grow.",
      section: "Results",
    },
    { sentence: "Cells were cultured as described (<<Jones, 2001>>).", section: "Materials and methods" },
    { sentence: "In contrast to <<Lee 2012>>, we did not observe any effect of the drug.", section: "Discussion" },
    { sentence: "No citation mark here at all." },
    { sentence: "" },
  ];
  const a = c.classify(inputs);
  const b = loadClassifier().classify(inputs);
  assert.deepEqual(a, b);
  for (const r of a) {
    assert.ok(STANCES.includes(r.stance));
    assert.ok(INTENTS.includes(r.intent));
    assert.ok(r.confidence > 0 && r.confidence <= 1);
    assert.ok(r.intentConfidence > 0 && r.intentConfidence <= 1);
    assert.ok(r.cues.length <= 3);
  }
  assert.equal(a[1]?.intent, "method");
  assert.ok(a[0]?.cues.length ?? 0 > 0);
});

test("huge and hostile inputs are classified without throwing", () => {
  const c = loadClassifier();
  const long = "We found that the effect is consistent with <<Smith, 2010>> (Lee, 2011). ".repeat(5000);
  const out = c.classify([
    { sentence: long, before: long, after: long },
    { sentence: "<<<<>>>> (( [[ ]] )) \u0000\u0001\u0002 <<unterminated", section: "\u2028" },
    { sentence: "\ud800 lone surrogate and emoji \u{1F600} <<X 2001>>" },
  ]);
  assert.equal(out.length, 3);
  for (const r of out) {
    assert.ok(Number.isFinite(r.confidence) && Number.isFinite(r.intentConfidence));
    assert.ok(r.cues.every((cue) => typeof cue === "string" && cue.length < 200));
  }
});

const dev = corpus("elife-stance-dev", "dev.jsonl");
test("on elife-stance-dev the model beats always answering mentioning", { skip: dev.skip }, () => {
  const items = readElifeStance(dev.path as string);
  const out = loadClassifier().classify(items.map((i) => i.input));
  const right = out.filter((o, i) => o.stance === items[i]?.stance).length;
  const mentioning = items.filter((i) => i.stance === "mentioning").length;
  assert.ok(right > mentioning, `${right} right, always-mentioning gets ${mentioning}`);
  // Confidence is a probability of the chosen label: mean confidence near the accuracy.
  const meanConfidence = out.reduce((a, o) => a + o.confidence, 0) / out.length;
  assert.ok(Math.abs(meanConfidence - right / items.length) < 0.1);
});
