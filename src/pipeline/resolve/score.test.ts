import assert from "node:assert/strict";
import { test } from "node:test";
import { authorAgreement, journalAgreement, score, titleSimilarity, yearAgreement } from "./score.js";

const a = (surname: string) => ({ surname, given: null, orcid: null });

test("equal title keys score 1 and unrelated titles score low", () => {
  assert.equal(titleSimilarity("abc def", "abc def"), 1);
  assert.ok(titleSimilarity("ribosomeactivity", "kinesinmotility") < 0.3);
  assert.equal(titleSimilarity(null, "x"), 0);
});

test("a year apart still agrees partly, two years do not", () => {
  assert.equal(yearAgreement(2000, 2000), 1);
  assert.equal(yearAgreement(2000, 2001), 0.7);
  assert.equal(yearAgreement(2000, 2002), 0);
  assert.equal(yearAgreement(null, 2002), 0.5);
});

test("journal abbreviations agree with their full names", () => {
  assert.equal(journalAgreement("J Biol Chem", "Journal of Biological Chemistry"), 0.8);
  assert.equal(journalAgreement("Nature", "Science"), 0.2);
});

test("a full agreement scores 1 and a different first author falls below the threshold", () => {
  const ref = { titleKey: "t", authors: [a("Nissen")], year: 2000, journal: "Science" };
  assert.equal(score(ref, ref), 1);
  assert.ok(score(ref, { ...ref, authors: [a("Smith")] }) < 0.85);
  assert.equal(authorAgreement([a("Nissen")], [a("Smith"), a("Nissen")]), 0.6);
});
