import assert from "node:assert/strict";
import { test } from "node:test";
import type { ReferenceEntry } from "../../../core/document.js";
import { parseText } from "../index.js";

function refs(refList: string): readonly ReferenceEntry[] {
  const xml = `<article xmlns:xlink="http://www.w3.org/1999/xlink"><body><p>x</p></body><back><ref-list>${refList}</ref-list></back></article>`;
  const r = parseText("refs.xml", xml);
  assert.ok(r.document, JSON.stringify(r.diagnostics));
  return r.document.references;
}

test("reads an eLife element-citation: authors (not editors), year without its suffix, DOI, PMID, pages", () => {
  const [r] = refs(`<ref id="bib7"><element-citation publication-type="journal">
    <person-group person-group-type="author"><name><surname>Nissen</surname><given-names>P</given-names></name><name><surname>Hansen</surname><given-names>J</given-names></name><etal/></person-group>
    <person-group person-group-type="editor"><name><surname>Editor</surname><given-names>E</given-names></name></person-group>
    <year iso-8601-date="2000">2000a</year><article-title>The structural basis of ribosome activity in <italic>peptide</italic> bond synthesis</article-title>
    <source>Science</source><volume>289</volume><fpage>920</fpage><lpage>930</lpage>
    <pub-id pub-id-type="doi">10.1126/SCIENCE.289.5481.920</pub-id><pub-id pub-id-type="pmid">10937990</pub-id></element-citation></ref>`);
  assert.deepEqual(r, {
    id: "bib7",
    raw: "Nissen P, Hansen J, et al (2000a) The structural basis of ribosome activity in peptide bond synthesis. Science 289:920-930. doi:10.1126/SCIENCE.289.5481.920",
    doi: "10.1126/science.289.5481.920",
    pmid: "10937990",
    title: "The structural basis of ribosome activity in peptide bond synthesis",
    authors: [
      { surname: "Nissen", given: "P", orcid: null },
      { surname: "Hansen", given: "J", orcid: null },
    ],
    year: 2000,
    source: "Science",
    volume: "289",
    pages: "920-930",
    publicationType: "journal",
  });
});

test("reads a PLOS mixed-citation: raw text as printed, names spaced, en-dash pages from fpage-lpage", () => {
  const [r] = refs(`<ref id="pbio.1001636-McCain1"><label>2</label>
<mixed-citation publication-type="journal" xlink:type="simple"><name name-style="western"><surname>McCain</surname><given-names>KW</given-names></name> (<year>1995</year>) <article-title>Mandating sharing journal policies in the natural sciences</article-title>. <source>Science Commun</source> <volume>16</volume>: <fpage>403</fpage>–<lpage>431</lpage>.</mixed-citation>
</ref>`);
  assert.equal(
    r?.raw,
    "McCain KW (1995) Mandating sharing journal policies in the natural sciences. Science Commun 16: 403–431.",
  );
  assert.deepEqual(r?.authors, [{ surname: "McCain", given: "KW", orcid: null }]);
  assert.equal(r?.year, 1995);
  assert.equal(r?.title, "Mandating sharing journal policies in the natural sciences");
  assert.equal(r?.source, "Science Commun");
  assert.equal(r?.pages, "403-431");
  assert.equal(r?.doi, null);
});

test("reads a pretty-printed PLOS nlm-citation as structured, with its comment and the DOI written there", () => {
  const [r] = refs(`<ref id="pbio-0020334-Anklesaria1">
        <label>1</label>
        <nlm-citation publication-type="journal" xlink:type="simple">
          <person-group person-group-type="author">
            <name name-style="western"><surname>Anklesaria</surname><given-names>P</given-names></name>
            <etal/>
          </person-group>
          <article-title>Cell-cell adhesion promotes cell proliferation.</article-title>
          <source>Proc Natl Acad Sci U S A</source>
          <year>1990</year>
          <volume>87</volume>
          <fpage>3289</fpage>
          <lpage>3293</lpage>
          <comment>doi:10.1073/pnas.87.9.3289</comment>
        </nlm-citation>
      </ref>`);
  assert.equal(
    r?.raw,
    "Anklesaria P, et al (1990) Cell-cell adhesion promotes cell proliferation. Proc Natl Acad Sci U S A 87:3289-3293. doi:10.1073/pnas.87.9.3289",
  );
  assert.equal(r?.year, 1990);
  assert.equal(r?.pages, "3289-3293");
  assert.equal(r?.doi, "10.1073/pnas.87.9.3289");
});

test("a book's title is its source; a collab is an author; a data citation's title is its data-title", () => {
  const [book, data] =
    refs(`<ref id="b1"><element-citation publication-type="book"><person-group person-group-type="author"><collab>The C. elegans Sequencing Consortium</collab></person-group><year>1998</year><source>Genome Sequence of the Nematode</source><publisher-name>Science</publisher-name></element-citation></ref>
  <ref id="d1"><element-citation publication-type="data"><person-group person-group-type="author"><name><surname>Li</surname><given-names>X</given-names></name></person-group><year>2014</year><data-title>RNA-seq of TLR13 knockouts</data-title><source>NCBI GEO</source><pub-id pub-id-type="accession" xlink:href="http://www.ncbi.nlm.nih.gov/geo/query/acc.cgi?acc=GSE1">GSE1</pub-id></element-citation></ref>`);
  assert.equal(book?.title, "Genome Sequence of the Nematode");
  assert.deepEqual(book?.authors, [{ surname: "The C. elegans Sequencing Consortium", given: null, orcid: null }]);
  assert.equal(data?.title, "RNA-seq of TLR13 knockouts");
  assert.equal(data?.publicationType, "data");
});

test("a mixed citation with a DOI link and no year element takes both from its text", () => {
  const [r] = refs(
    `<ref id="r9"><mixed-citation>Smith J. A paper. J Things 2009;12:1-9. <ext-link ext-link-type="doi" xlink:href="https://doi.org/10.1000/XYZ.1">doi</ext-link></mixed-citation></ref>`,
  );
  assert.equal(r?.doi, "10.1000/xyz.1");
  assert.equal(r?.year, 2009);
  assert.equal(r?.authors.length, 0);
});

test("a ref without an id is named by its position", () => {
  const rs = refs(
    `<ref><mixed-citation>First.</mixed-citation></ref><ref><mixed-citation>Second.</mixed-citation></ref>`,
  );
  assert.deepEqual(
    rs.map((r) => [r.id, r.raw]),
    [
      ["ref-1", "First."],
      ["ref-2", "Second."],
    ],
  );
});
