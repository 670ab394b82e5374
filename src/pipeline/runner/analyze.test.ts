import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { ExtractedStatement } from "../../core/statement.js";
import { SAMPLES_DIR } from "../../paths.js";
import { loadClassifier } from "../classify/index.js";
import { analyze, classifyInput } from "./analyze.js";

test("classifyInput wraps the target marker in << >> and passes the section heading", () => {
  const s = {
    sentence: "TLRs detect microbes (Takeuchi and Akira, 2010).",
    markerStart: 22,
    markerEnd: 46,
    before: "B.",
    after: "A.",
    section: "Introduction",
    sectionKind: "introduction",
  } as unknown as ExtractedStatement;
  assert.deepEqual(classifyInput(s), {
    sentence: "TLRs detect microbes (<<Takeuchi and Akira, 2010>>).",
    before: "B.",
    after: "A.",
    section: "Introduction",
  });
});

test("analyze gives a real article one classification per statement", () => {
  const file = join(SAMPLES_DIR, "elife", "elife00102.xml.gz");
  const r = analyze(file, readFileSync(file), loadClassifier());
  assert.ok(r.article !== null);
  assert.ok(r.article.statements.length > 20);
  assert.equal(r.article.classifications.length, r.article.statements.length);
  assert.equal(r.article.work.doi, "10.7554/elife.00102");
});

test("analyze turns bytes that are not an article into an error diagnostic, not an exception", () => {
  const r = analyze("junk.xml", new TextEncoder().encode("\u0000\u0001 not xml"), loadClassifier());
  assert.equal(r.article, null);
  assert.ok(r.diagnostics.some((d) => d.severity === "error" && d.file === "junk.xml"));
});
