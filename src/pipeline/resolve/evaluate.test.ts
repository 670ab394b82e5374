import assert from "node:assert/strict";
import { test } from "node:test";
import type { ReferenceEntry } from "../../core/document.js";
import { type Doi, normalizeDoi } from "../../core/ids.js";
import { seededRandom } from "../../core/random.js";
import { evaluateResolution, typoEquivalent } from "./evaluate.js";

function ref(i: number, copy: number): ReferenceEntry {
  return {
    id: `r${i}-${copy}`,
    raw: "",
    doi: normalizeDoi(`10.1000/paper.${i}`) as Doi,
    pmid: null,
    title: `A study of protein number ${i} in cells`,
    authors: [{ surname: `Author${i % 7}`, given: "A", orcid: null }],
    year: 2000 + (i % 10),
    source: "Journal",
    volume: null,
    pages: null,
    publicationType: "journal",
  };
}

test("hidden references whose work is known from other references are all found, and nothing else", () => {
  const refs = Array.from({ length: 400 }, (_, k) => ref(k % 100, Math.floor(k / 100)));
  const r = evaluateResolution(refs, { seed: 7 });
  assert.ok(r.hidden > 40 && r.hidden < 130, `${r.hidden} hidden`);
  assert.equal(r.at.precision, 1);
  assert.equal(r.at.recall, 1);
  assert.equal(r.at.predicted, r.resolvable);
});

test("the same seed hides the same references", () => {
  const refs = Array.from({ length: 200 }, (_, k) => ref(k % 50, Math.floor(k / 50)));
  assert.deepEqual(evaluateResolution(refs, { seed: 3 }), evaluateResolution(refs, { seed: 3 }));
  const a = seededRandom(1);
  const b = seededRandom(1);
  assert.equal(a(), b());
});

test("DOIs that differ only by lost markup or truncation are typo-equivalent", () => {
  assert.equal(
    typoEquivalent(
      "10.1002/(sici)1098-1063(1996)6:2<149::aid-hipo6>3.0.co;2-k",
      "10.1002/(sici)1098-1063(1996)6:23.0.co;2-k",
    ),
    true,
  );
  assert.equal(typoEquivalent("10.1093/bioinformatics/btp237btp237", "10.1093/bioinformatics/btp237"), true);
  assert.equal(typoEquivalent("10.1038/42571", "10.1038/43119"), false);
});
