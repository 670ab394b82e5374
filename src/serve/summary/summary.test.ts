import assert from "node:assert/strict";
import { test } from "node:test";
import { handGroup, handReport, handStatement, handWork } from "../../../test/serve/hand-report.js";
import type { StatementId, WorkId } from "../../core/ids.js";
import { shortCitation, strongest, summarize } from "./summary.js";

const sup = handStatement({ id: "s1" as StatementId, confidence: 0.91 });
const sup2 = handStatement({ id: "s2" as StatementId, confidence: 0.6 });
const con = handStatement({
  id: "s3" as StatementId,
  stance: "contrasting",
  confidence: 0.72,
  sectionKind: "discussion",
});
const men = handStatement({
  id: "s4" as StatementId,
  stance: "mentioning",
  sectionKind: "introduction",
  selfCitation: true,
});
const g2013 = handGroup({}, [sup, men]);
const g2015 = handGroup({ workId: "w00000000000000cc" as WorkId, year: 2015, authors: [], title: "Untitled" }, [
  sup2,
  con,
]);
const report = handReport(handWork(), [g2013, g2015]);

const text = (s: { runs: readonly { text: string }[] }) => s.runs.map((r) => r.text).join("");

test("summarize states counts, stances, trend, sections and self-citations from the data", () => {
  const sentences = summarize({ overall: report, supporting: [g2013, g2015], contrasting: [g2015] });
  const all = sentences.map(text);
  assert.equal(all[0], "This work is cited in 4 citation statements from 2 publications.");
  assert.equal(
    all[1],
    "Of these statements, 2 support it with the citing authors' own evidence, 1 contrast with it, and 1 mention it without taking a stance.",
  );
  assert.equal(
    all[2],
    "Citing statements span 2013 to 2015; per year they stayed level, from 2 statements in 2013 to 2 statements in 2015.",
  );
  assert.match(all[3] ?? "", /^Most stand in the Results section \(2 of 4\), then /);
  assert.equal(all[4], "1 statement comes from self-citations (the citing and cited papers share an author).");
  assert.equal(all[5], "The strongest supporting statement (91% confidence) comes from Smith (2013):");
  assert.equal(sentences[5]?.basis, "?stance=supporting#s-s1");
  assert.equal(sentences[5]?.quote?.statement.id, "s1");
  assert.equal(sentences[6]?.quote?.statement.id, "s3");
});

test("every summary sentence links to the statements it rests on", () => {
  for (const s of summarize({ overall: report, supporting: [g2013], contrasting: [g2015] })) {
    assert.ok(
      s.runs.some((r) => r.href !== undefined),
      text(s),
    );
  }
});

test("summarize says there is nothing to summarize for an uncited work", () => {
  const empty = handReport(handWork(), []);
  const s = summarize({ overall: empty, supporting: [], contrasting: [] });
  assert.equal(s.length, 1);
  assert.match(text(s[0] ?? { runs: [] }), /No ingested article/);
});

test("strongest picks the most confident statement of a stance; shortCitation names authors", () => {
  assert.equal(strongest([g2013, g2015], "supporting")?.statement.id, "s1");
  assert.equal(strongest([g2013], "contrasting"), null);
  assert.equal(shortCitation(handWork({ authors: [], title: "T", year: null })), "T (n.d.)");
});
