/**
 * Every eLife (1,979, gzipped) and PLOS (82) file parses with no error, and its counts match
 * independent regex counts of the raw XML: references = `<ref>` elements; markers = `<xref
 * ref-type="bibr">` (each id of a multi-id rid counted). One pass over the corpora.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import type { ParsedDocument } from "../../src/core/document.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { corpus } from "../support/data.js";

const elife = corpus("elife-articles-2012-2016", "xml");
const plos = corpus("plos-starter-corpus", "xml");

/**
 * Markers that stand outside the article's text and are not kept, by file. eLife puts an "impact
 * statement" in `<custom-meta>` of the front matter; two of them cite. It is metadata, neither the
 * abstract nor the body, so no paragraph holds it.
 */
const EXCEPTIONS: Readonly<Record<string, { readonly markers: number; readonly why: string }>> = {
  "elife03665.xml.gz": { markers: 1, why: "a citation in the <custom-meta> impact statement of the front matter" },
  "elife03756.xml.gz": { markers: 1, why: "a citation in the <custom-meta> impact statement of the front matter" },
};

interface Counts {
  refs: number;
  markers: number;
  ids: number;
}

/** Independent counts from the raw XML (comments removed: PLOS keeps old tables inside comments). */
function rawCounts(xml: string): Counts {
  const text = xml.includes("<!--") ? xml.replace(/<!--[\s\S]*?-->/g, "") : xml;
  const refs = text.match(/<ref[\s>]/g)?.length ?? 0;
  let markers = 0;
  let ids = 0;
  for (const m of text.matchAll(/<xref\s[^>]*ref-type="bibr"[^>]*>/g)) {
    markers++;
    const rid = /\srid="([^"]*)"/.exec(m[0])?.[1]?.trim() ?? "";
    ids += rid === "" ? 0 : rid.split(/\s+/).length;
  }
  return { refs, markers, ids };
}

function parsedCounts(doc: ParsedDocument): Counts & { badOffsets: number } {
  let markers = 0;
  let ids = 0;
  let badOffsets = 0;
  for (const p of doc.paragraphs) {
    for (const m of p.markers) {
      markers++;
      ids += m.refIds.length;
      if (p.text.slice(m.start, m.end) !== m.text) badOffsets++;
    }
  }
  return { refs: doc.references.length, markers, ids, badOffsets };
}

const byName = new Map<string, ParsedDocument>();

test("every eLife and PLOS file parses without errors, with counts equal to the raw XML's", {
  skip: elife.skip || plos.skip,
}, () => {
  const problems: string[] = [];
  let files = 0;
  let markersSeen = 0;
  let refsSeen = 0;
  for (const dir of [elife.path, plos.path]) {
    if (dir === null) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(xml|nxml)(\.gz)?$/.test(name)) continue;
      files++;
      const bytes = readFileSync(join(dir, name));
      const result = parseBytes(name, bytes);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0 || result.document === null) {
        problems.push(`${name}: ${JSON.stringify(errors)}`);
        continue;
      }
      const doc = result.document;
      if (name === "elife00102.xml.gz" || name === "journal.pbio.0020188.xml" || name === "elife00452.xml.gz") {
        byName.set(name, doc);
      }
      const raw = rawCounts((name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
      const got = parsedCounts(doc);
      const missing = EXCEPTIONS[name]?.markers ?? 0;
      markersSeen += got.markers;
      refsSeen += got.refs;
      if (got.refs !== raw.refs) problems.push(`${name}: ${got.refs} references, raw XML has ${raw.refs}`);
      if (got.markers + missing !== raw.markers)
        problems.push(`${name}: ${got.markers} markers, raw XML has ${raw.markers}`);
      if (got.ids + missing !== raw.ids) problems.push(`${name}: ${got.ids} marker ids, raw XML has ${raw.ids}`);
      if (got.badOffsets > 0) problems.push(`${name}: ${got.badOffsets} markers whose offsets do not give their text`);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(files, 1979 + 82);
  // The eLife README counts 99,626 references and 174,305 markers; PLOS adds its own.
  assert.ok(refsSeen > 99_626, `references ${refsSeen}`);
  assert.ok(markersSeen > 174_305 - 2, `markers ${markersSeen}`);
});

test("eLife 00102: title, year, authors, DOI, journal, license, abstract, references, sub-articles", {
  skip: elife.skip,
}, () => {
  const doc = byName.get("elife00102.xml.gz");
  assert.ok(doc, "parsed by the corpus pass");
  const w = doc.work;
  assert.equal(w.doi, "10.7554/elife.00102");
  assert.equal(w.title, "Sequence specific detection of bacterial 23S ribosomal RNA by TLR13");
  assert.equal(w.year, 2012);
  assert.deepEqual(
    w.authors.map((a) => [a.surname, a.given]),
    [
      ["Li", "Xiao-Dong"],
      ["Chen", "Zhijian J"],
    ],
  );
  assert.equal(w.journal, "eLife");
  assert.equal(w.publicationType, "research-article");
  assert.equal(w.license, "http://creativecommons.org/licenses/by/3.0/");
  assert.match(w.abstract ?? "", /^Toll-like receptors \(TLRs\) detect microbial infections/);
  assert.doesNotMatch(w.abstract ?? "", /eLife digest|DOI:/);
  assert.equal(doc.references.length, 15);
  const first = doc.references[0];
  assert.equal(first?.id, "bib1");
  assert.equal(first?.year, 2007);
  assert.equal(first?.source, "Med Hypotheses");
  const kinds = new Set(doc.paragraphs.map((p) => `${p.section.heading}|${p.section.kind}`));
  for (const k of [
    "Introduction|introduction",
    "Results|results",
    "Discussion|discussion",
    "Materials and methods|methods",
  ]) {
    assert.ok(kinds.has(k), k);
  }
  const sub = doc.paragraphs.filter((p) => p.subArticle !== null);
  assert.deepEqual([...new Set(sub.map((p) => p.subArticle))], ["decision-letter", "reply"]);
  assert.ok(sub.every((p) => p.section.heading === "Decision letter" || p.section.heading === "Author response"));
  // Sub-article paragraphs come after every main-body paragraph, never mixed into its sections.
  const firstSub = doc.paragraphs.findIndex((p) => p.subArticle !== null);
  assert.ok(doc.paragraphs.slice(firstSub).every((p) => p.subArticle !== null));
  const intro = doc.paragraphs.find((p) => p.section.kind === "introduction" && p.markers.length > 0);
  assert.deepEqual(
    intro?.markers.map((m) => [m.text, m.refIds.join(" ")]),
    [
      ["Takeuchi and Akira, 2010", "bib13"],
      ["Roach et al., 2005", "bib10"],
    ],
  );
});

test("eLife 00452 gives its author's ORCID without the URL", { skip: elife.skip }, () => {
  const doc = byName.get("elife00452.xml.gz");
  assert.ok(doc);
  const brand = doc.work.authors.find((a) => a.surname === "Brand");
  assert.equal(brand?.orcid, "0000-0002-4208-1000");
});

test("PLOS pbio.0020188: metadata and an element-citation reference with its DOI", { skip: plos.skip }, () => {
  const doc = byName.get("journal.pbio.0020188.xml");
  assert.ok(doc);
  assert.equal(doc.work.doi, "10.1371/journal.pbio.0020188");
  assert.equal(doc.work.title, "Taking the Stem Cell Debate to the Public");
  assert.equal(doc.work.journal, "PLoS Biology");
  assert.equal(doc.work.year, 2004);
  assert.equal(doc.work.publicationType, "letter");
  assert.deepEqual(
    doc.work.authors.map((a) => a.surname),
    ["Zon", "Zoloth", "Kadereit"],
  );
  const ref = doc.references.find((r) => r.id === "pbio-0020188-Blackburn1");
  assert.equal(ref?.doi, "10.1371/journal.pbio.0020116");
  assert.equal(ref?.pages, "e116");
  assert.equal(
    ref?.raw,
    "Blackburn E, Rowley J (2004) Reason as our guide. PLoS Biol 2:e116. doi: 10.1371/journal.pbio.0020116",
  );
});
