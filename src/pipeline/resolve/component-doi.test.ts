import assert from "node:assert/strict";
import { test } from "node:test";
import { type Doi, normalizeDoi } from "../../core/ids.js";
import { articleDoi } from "./component-doi.js";

const doi = (s: string) => normalizeDoi(s) as Doi;

test("an eLife component DOI resolves to its article (elife00675 cites eLife.00011 as 10.7554/eLife.00011.026)", () => {
  assert.equal(articleDoi(doi("10.7554/eLife.00011.026")), "10.7554/elife.00011");
});

test("PLOS figure, table and supplement DOIs resolve to their article", () => {
  for (const part of ["g001", "t002", "s003"]) {
    assert.equal(articleDoi(doi(`10.1371/journal.pone.0012345.${part}`)), "10.1371/journal.pone.0012345");
  }
});

test("article DOIs and other publishers' DOIs are left as they are", () => {
  for (const d of [
    "10.7554/eLife.00011",
    "10.1038/nature08531",
    "10.1016/0006-2952(83)90134-9",
    "10.7554/eLife.00011.026x",
  ]) {
    assert.equal(articleDoi(doi(d)), doi(d));
  }
});
