/**
 * The hand-written UAX #29 boundaries (src/pipeline/extract/segment/boundaries.ts) against
 * Intl.Segmenter on every cited paragraph of the eLife and PLOS corpora, masked as the segmenter sees
 * them: identical boundaries, paragraph by paragraph. One pass over the corpora.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { sentenceCutsMany } from "../../src/pipeline/extract/segment/boundaries.js";
import { icuCutsMany } from "../../src/pipeline/extract/segment/icu.js";
import { maskMarkers } from "../../src/pipeline/extract/segment/mask.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { corpus } from "../support/data.js";

const elife = corpus("elife-articles-2012-2016", "xml");
const plos = corpus("plos-starter-corpus", "xml");

/** The masked text of every paragraph with a marker, in every XML file of `dir`. */
function citedParagraphs(dir: string): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(?:xml|nxml)(?:\.gz)?$/.test(name)) continue;
    const doc = parseBytes(name, readFileSync(join(dir, name))).document;
    for (const p of doc?.paragraphs ?? []) if (p.markers.length > 0) texts.push(maskMarkers(p.text, p.markers));
  }
  return texts;
}

function compare(texts: readonly string[]): void {
  const icu = icuCutsMany(texts);
  const mine = sentenceCutsMany(texts);
  const differ: string[] = [];
  texts.forEach((t, i) => {
    if ((icu[i] ?? []).join(",") !== (mine[i] ?? []).join(",")) differ.push(t.slice(0, 120));
  });
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} paragraphs differ`);
}

test("the same sentence boundaries as Intl.Segmenter on every cited eLife paragraph", { skip: elife.skip }, () => {
  const texts = citedParagraphs(elife.path as string);
  assert.ok(texts.length > 40000);
  compare(texts);
});

test("the same sentence boundaries as Intl.Segmenter on every cited PLOS paragraph", { skip: plos.skip }, () => {
  const texts = citedParagraphs(plos.path as string);
  assert.ok(texts.length > 1000);
  compare(texts);
});
