import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type Doi, normalizeDoi, workIdFromDoi } from "../../core/ids.js";
import type { WorkCandidate } from "../../core/store.js";
import { bestMatch } from "./match.js";

const candidate = (doi: string, surname: string, year: number, journal = "Nature"): WorkCandidate => {
  const d = normalizeDoi(doi) as Doi;
  return {
    workId: workIdFromDoi(d),
    doi: d,
    title: "t",
    titleKey: "t",
    authors: [{ surname, given: null, orcid: null }],
    year,
    journal,
  };
};
const ref = {
  titleKey: "t",
  authors: [{ surname: "Hoffman", given: null, orcid: null }],
  year: 1997,
  journal: "Nature",
};

test("picks the candidate that agrees on author and year", () => {
  const m = bestMatch(ref, [candidate("10.1000/a", "Smith", 1997), candidate("10.1000/b", "Hoffman", 1997)]);
  assert.equal(m?.work.doi, "10.1000/b");
  assert.equal(m?.score, 1);
});

test("two candidates that agree equally well are ambiguous: no match", () => {
  assert.equal(
    bestMatch(ref, [candidate("10.1038/42571", "Hoffman", 1997), candidate("10.1038/43119", "Hoffman", 1997)]),
    null,
  );
});

test("candidates without a DOI are never chosen", () => {
  const c = { ...candidate("10.1000/a", "Hoffman", 1997), doi: null };
  assert.equal(bestMatch(ref, [c]), null);
});

test("the choice does not depend on the order of the candidates", () => {
  const pool = [
    candidate("10.1000/a", "Hoffman", 1996),
    candidate("10.1000/b", "Hoffman", 1997, "Science"),
    candidate("10.1000/c", "Smith", 1997),
    candidate("10.1000/d", "Hoffman", 2003),
    candidate("10.1000/e", "Hoffman", 1997),
  ];
  fc.assert(
    fc.property(fc.subarray(pool), fc.infiniteStream(fc.nat()), (subset, keys) => {
      const ordered = bestMatch(ref, subset);
      const it = keys[Symbol.iterator]();
      const shuffled = subset
        .map((c) => ({ c, k: it.next().value as number }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.c);
      assert.deepEqual(bestMatch(ref, shuffled), ordered);
    }),
  );
});
