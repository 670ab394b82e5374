/** The JATS reader on a hand-made article that holds every structure the corpora use. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ParsedDocument } from "../../src/core/document.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { fixture } from "./fixtures.js";

function doc(): ParsedDocument {
  const r = parseBytes("minimal-jats.xml", fixture("minimal-jats.xml"));
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.document);
  return r.document;
}

test("reads the work metadata: DOI, title, authors with ORCID and group authors, journal, epub year, license", () => {
  const w = doc().work;
  assert.equal(w.doi, "10.1234/test.001");
  assert.equal(w.title, "A hand-made article");
  assert.deepEqual(w.authors, [
    { surname: "Carberry", given: "Josiah", orcid: "0000-0002-1825-0097" },
    { surname: "The Test Consortium", given: null, orcid: null },
  ]);
  assert.equal(w.journal, "Test Journal");
  assert.equal(w.year, 2014, "the epub date wins over the collection year");
  assert.equal(w.publicationType, "research-article");
  assert.equal(w.license, "http://creativecommons.org/licenses/by/4.0/");
  assert.equal(w.abstract, "The main abstract cites nobody.", "the eLife digest is not the abstract");
});

test("gives each paragraph its top-level section; nested sections, captions and boxes inherit it", () => {
  const rows = doc().paragraphs.map((p) => [p.index, p.section.heading, p.section.kind, p.subArticle, p.text]);
  assert.deepEqual(rows, [
    [0, "Abstract", "other", null, "The main abstract cites nobody."],
    [1, "eLife digest", "other", null, "A digest for everyone."],
    [2, "", "other", null, "Text before any section (Smith, 2010)."],
    [3, "Introduction", "introduction", null, "Cells divide [1,2]; see Figure 1 and x > 0."],
    [4, "Introduction", "introduction", null, "Nested text (Jones et al., 2011a)."],
    [5, "Materials and methods", "methods", null, "We used a method."],
    [6, "Materials and methods", "methods", null, "A figure title."],
    [7, "Materials and methods", "methods", null, "The legend cites Smith, 2010."],
    [8, "Materials and methods", "methods", null, "A box cites Jones et al., 2011a."],
    [9, "Acknowledgements", "other", null, "Thanks."],
    [10, "Decision letter", "other", "decision-letter", "The reviewers liked it (Smith, 2010)."],
    [11, "Author response", "other", "reply", "We thank the reviewers."],
  ]);
});

test("locates bibr markers by offset; a rid with several ids gives them all; other xrefs are plain text", () => {
  const ps = doc().paragraphs;
  const markers = ps.flatMap((p) => p.markers.map((m) => ({ p: p.index, ...m })));
  assert.deepEqual(
    markers.map((m) => [m.p, m.text, m.refIds.join(" ")]),
    [
      [2, "Smith, 2010", "bib1"],
      [3, "[1,2]", "bib1 bib2"],
      [4, "Jones et al., 2011a", "bib2"],
      [7, "Smith, 2010", "bib1"],
      [8, "Jones et al., 2011a", "bib2"],
      [10, "Smith, 2010", "bib1"],
    ],
  );
  for (const p of ps) for (const m of p.markers) assert.equal(p.text.slice(m.start, m.end), m.text);
});

test("keeps sub-articles apart from the main body, typed decision-letter and reply", () => {
  const ps = doc().paragraphs;
  const main = ps.filter((p) => p.subArticle === null);
  assert.ok(main.every((p) => !/reviewers/.test(p.text)));
  assert.deepEqual(
    ps.filter((p) => p.subArticle !== null).map((p) => p.subArticle),
    ["decision-letter", "reply"],
  );
});

test("reads the reference list in printed order with its fields", () => {
  const refs = doc().references;
  assert.deepEqual(
    refs.map((r) => [r.id, r.doi, r.pmid, r.title, r.year, r.source, r.volume, r.pages, r.publicationType]),
    [
      ["bib1", "10.1038/nature09000", "20000001", "A cited article", 2010, "Nature", "465", "100-105", "journal"],
      ["bib2", null, null, "A Book Title", 2011, "A Book Title", null, null, "book"],
    ],
  );
  assert.deepEqual(refs[1]?.authors, [{ surname: "Jones", given: "A", orcid: null }]);
});

test("a section title that cites stands as a paragraph too; one that does not is only a heading", () => {
  const xml = `<article><body><sec><title>Results</title><sec><title>Unlike <xref ref-type="bibr" rid="r1">Smith (2001)</xref></title><p>Text.</p></sec></sec></body>
    <back><ref-list><ref id="r1"><mixed-citation>Smith 2001.</mixed-citation></ref></ref-list></back></article>`;
  const d = parseBytes("titles.xml", Buffer.from(xml)).document;
  assert.deepEqual(
    d?.paragraphs.map((p) => [p.text, p.section.heading, p.markers.length]),
    [
      ["Unlike Smith (2001)", "Results", 1],
      ["Text.", "Results", 0],
    ],
  );
});

test("a figure's permissions that cite are kept, with the figure's section", () => {
  const xml = `<article><body><sec sec-type="results"><title>Findings</title><fig><caption><p>Legend.</p></caption>
    <permissions><copyright-statement>© 2001 Publisher</copyright-statement><license><license-p>Reproduced from <xref ref-type="bibr" rid="r1">Smith (2001)</xref>.</license-p></license></permissions></fig></sec></body>
    <back><ref-list><ref id="r1"><mixed-citation>Smith 2001.</mixed-citation></ref></ref-list></back></article>`;
  const d = parseBytes("permissions.xml", Buffer.from(xml)).document;
  assert.deepEqual(
    d?.paragraphs.map((p) => [p.text, p.section.kind]),
    [
      ["Legend.", "results"],
      ["Reproduced from Smith (2001).", "results"],
    ],
  );
});

test("collapses whitespace of pretty-printed XML and keeps marker offsets right", () => {
  const xml = `<article><body><p>
      Cells   divide
      <xref ref-type="bibr" rid="r1">  [1]  </xref>
      and grow.
    </p></body><back><ref-list><ref id="r1"><mixed-citation>One.</mixed-citation></ref></ref-list></back></article>`;
  const p = parseBytes("pretty.xml", Buffer.from(xml)).document?.paragraphs[0];
  assert.equal(p?.text, "Cells divide [1] and grow.");
  assert.deepEqual(p?.markers, [{ refIds: ["r1"], text: "[1]", start: 13, end: 16 }]);
});
