/** The TEI reader on the two real GROBID files of ../shared/data/pdf-xml-pairs. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { ParsedDocument } from "../../src/core/document.js";
import { parseBytes, parseText } from "../../src/pipeline/parse/index.js";
import { corpus } from "../support/data.js";

const pairs = corpus("pdf-xml-pairs");

function parse(relative: string): { doc: ParsedDocument; raw: string } {
  const path = join(pairs.path as string, relative);
  const bytes = readFileSync(path);
  const r = parseBytes(relative, bytes);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  assert.ok(r.document);
  return { doc: r.document, raw: bytes.toString("utf8") };
}

/** Every marker points to a biblStruct of the list, and their number is the raw count of targeted bibr refs. */
function checkMarkers(doc: ParsedDocument, raw: string): void {
  const ids = new Set(doc.references.map((r) => r.id));
  const markers = doc.paragraphs.flatMap((p) => p.markers);
  for (const m of markers) for (const id of m.refIds) assert.ok(ids.has(id), `${id} resolves to a biblStruct`);
  const rawTargeted = raw.match(/<ref type="bibr" target="[^"]+">/g)?.length ?? 0;
  assert.equal(markers.length, rawTargeted);
  const rawBibl = (raw.match(/<biblStruct[\s>]/g)?.length ?? 0) - 1; // one describes the paper itself
  assert.equal(doc.references.length, rawBibl);
  for (const p of doc.paragraphs) for (const m of p.markers) assert.equal(p.text.slice(m.start, m.end), m.text);
}

test("N18-3011 (GROBID 0.6.1): title, authors, abstract, sections and resolving bibr targets", {
  skip: pairs.skip,
}, () => {
  const { doc, raw } = parse("acl-N18-3011/N18-3011.tei.xml");
  assert.equal(doc.format, "tei");
  assert.equal(doc.work.title, "Construction of the Literature Graph in Semantic Scholar");
  assert.equal(doc.work.authors[0]?.surname, "Ammar");
  assert.equal(doc.work.authors[0]?.given, "Waleed");
  assert.equal(doc.work.authors.at(-1)?.surname, "Etzioni");
  assert.match(doc.work.abstract ?? "", /^We describe a deployed scalable system/);
  checkMarkers(doc, raw);
  assert.equal(doc.references.length, 27);
  const first = doc.paragraphs.find((p) => p.markers.length > 0);
  assert.deepEqual(first?.section, { heading: "Introduction", kind: "introduction" });
  assert.deepEqual(first?.markers[0]?.refIds, ["b25"]);
  // "2.1 Node Types" belongs to "2 Structure of The Literature Graph".
  const nodeTypes = doc.paragraphs.find((p) => p.text.startsWith("Papers. We obtain metadata"));
  assert.equal(nodeTypes?.section.heading, "Structure of The Literature Graph");
  const conclusion = doc.paragraphs.find((p) => p.text.startsWith("In this paper, we discuss the construction"));
  assert.equal(conclusion?.section.kind, "conclusion");
  // A ref without a target stays plain text.
  assert.ok(doc.paragraphs.some((p) => p.text.includes("CoNLL-2003")));
  const b0 = doc.references[0];
  assert.equal(b0?.id, "b0");
  assert.equal(b0?.year, 2017);
  assert.match(b0?.raw ?? "", /^Waleed Ammar, Matthew E\. Peters/);
  assert.deepEqual(b0?.authors[1], { surname: "Peters", given: "Matthew E", orcid: null });
});

test("SPECTER (acl-main.207): references with DOIs, every bibr target resolving", { skip: pairs.skip }, () => {
  const { doc, raw } = parse("acl-2020.acl-main.207/2020.acl-main.207.tei.xml");
  assert.equal(doc.work.title, "SPECTER: Document-level Representation Learning using Citation-informed Transformers");
  checkMarkers(doc, raw);
  const withDoi = doc.references.filter((r) => r.doi !== null);
  assert.ok(withDoi.length >= 5, `${withDoi.length} references with a DOI`);
  for (const r of withDoi) assert.match(r.doi ?? "", /^10\.\d{4,9}\//);
  assert.ok(doc.paragraphs.some((p) => p.section.kind === "results"));
  assert.ok(doc.paragraphs.some((p) => p.section.heading === "Related Work" && p.section.kind === "introduction"));
});

test("a hand-made TEI document: metadata, a nested numbered head, acknowledgements, a target list", () => {
  const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title level="a" type="main">A TEI paper</title></titleStmt>
    <publicationStmt><availability><licence target="https://creativecommons.org/licenses/by/4.0/"/></availability><date type="published" when="2019-05-01">2019</date></publicationStmt>
    <sourceDesc><biblStruct><analytic><author><persName><forename type="first">Ada</forename><surname>Lovelace</surname></persName><idno type="ORCID">0000-0002-1825-0097</idno></author></analytic>
    <monogr><title level="j">Journal of Tests</title><imprint><date/></imprint></monogr><idno type="DOI">10.5555/TEI.1</idno></biblStruct></sourceDesc></fileDesc></teiHeader>
    <text><body><div><head n="1">Methods</head><p>We follow <ref type="bibr" target="#b0 #b1">[1, 2]</ref>.</p></div>
    <div><head n="1.1">Data</head><p>Data from <ref type="bibr">somewhere</ref>.</p></div><div><p>Continued.</p></div></body>
    <back><div type="acknowledgement"><div><head>Acknowledgments</head><p>Thanks.</p></div></div>
    <div type="references"><listBibl><biblStruct xml:id="b0"><analytic><title level="a" type="main">One</title></analytic><monogr><title level="j">J</title><imprint><biblScope unit="volume">3</biblScope><biblScope unit="page" from="1" to="9"/><date type="published" when="2001"/></imprint></monogr></biblStruct>
    <biblStruct xml:id="b1"><monogr><title level="m">A Book</title><imprint><date when="1999"/></imprint></monogr></biblStruct></listBibl></div></back></text></TEI>`;
  const r = parseText("hand.tei.xml", xml);
  assert.deepEqual(r.diagnostics, []);
  const d = r.document as ParsedDocument;
  assert.deepEqual(d.work, {
    doi: "10.5555/tei.1",
    title: "A TEI paper",
    authors: [{ surname: "Lovelace", given: "Ada", orcid: "0000-0002-1825-0097" }],
    journal: "Journal of Tests",
    year: 2019,
    publicationType: null,
    abstract: null,
    license: "https://creativecommons.org/licenses/by/4.0/",
  });
  assert.deepEqual(
    d.paragraphs.map((p) => [p.text, p.section.heading, p.section.kind, p.markers.map((m) => m.refIds.join(","))]),
    [
      ["We follow [1, 2].", "Methods", "methods", ["b0,b1"]],
      ["Data from somewhere.", "Methods", "methods", []],
      ["Continued.", "Methods", "methods", []],
      ["Thanks.", "Acknowledgements", "other", []],
    ],
  );
  assert.deepEqual(
    d.references.map((x) => [x.id, x.title, x.source, x.volume, x.pages, x.year, x.publicationType]),
    [
      ["b0", "One", "J", "3", "1-9", 2001, "journal"],
      ["b1", "A Book", null, null, null, 1999, "book"],
    ],
  );
});
