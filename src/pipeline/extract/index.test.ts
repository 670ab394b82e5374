import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CitationMarker, Paragraph, ParsedDocument, ReferenceEntry } from "../../core/document.js";
import { normalizeDoi } from "../../core/ids.js";
import { EXTRACTOR_VERSION, extract } from "./index.js";

function ref(id: string, title: string): ReferenceEntry {
  return {
    id,
    raw: `${title}. J Biol. 2010.`,
    doi: null,
    pmid: null,
    title,
    authors: [{ surname: "Smith", given: "J", orcid: null }],
    year: 2010,
    source: "J Biol",
    volume: "1",
    pages: "1-2",
    publicationType: "journal",
  };
}

/** A paragraph from text with ⟦rid|printed⟧ markers. */
function para(index: number, marked: string, extra: Partial<Paragraph> = {}): Paragraph {
  const markers: CitationMarker[] = [];
  let text = "";
  for (const part of marked.split(/(⟦[^⟧]*⟧)/u)) {
    const m = /^⟦([^|]*)\|([^⟧]*)⟧$/u.exec(part);
    if (m === null) text += part;
    else {
      const shown = m[2] ?? "";
      markers.push({
        refIds: (m[1] ?? "").split(" "),
        text: shown,
        start: text.length,
        end: text.length + shown.length,
      });
      text += shown;
    }
  }
  return {
    index,
    text,
    markers,
    section: { heading: "Introduction", kind: "introduction" },
    subArticle: null,
    ...extra,
  };
}

function doc(paragraphs: Paragraph[], refs = ["bib1", "bib2", "bib3", "bib4", "bib5"]): ParsedDocument {
  return {
    format: "jats",
    work: {
      doi: normalizeDoi("10.7554/eLife.00001"),
      title: "A test",
      authors: [],
      journal: "eLife",
      year: 2013,
      publicationType: "research-article",
      abstract: null,
      license: null,
    },
    paragraphs,
    references: refs.map((id) => ref(id, `Title of ${id}`)),
  };
}

describe("extract", () => {
  test("gives one statement per (sentence, reference) with every contract field", () => {
    const d = doc([
      para(0, "Kinases bind ATP. They also bind GTP (⟦bib1|Smith et al., 2010⟧). Nothing else is known."),
    ]);
    const { statements, diagnostics } = extract(d, "a.xml");
    assert.deepEqual(diagnostics, []);
    assert.equal(statements.length, 1);
    const s = statements[0];
    assert.ok(s);
    assert.deepEqual(Object.keys(s).sort(), [
      "after",
      "before",
      "cited",
      "citingDoi",
      "end",
      "marker",
      "markerEnd",
      "markerStart",
      "paragraph",
      "refId",
      "section",
      "sectionKind",
      "sentence",
      "start",
      "subArticle",
    ]);
    assert.equal(s.citingDoi, "10.7554/elife.00001");
    assert.equal(s.refId, "bib1");
    assert.equal(s.marker, "Smith et al., 2010");
    assert.equal(s.sentence, "They also bind GTP (Smith et al., 2010).");
    assert.equal(s.before, "Kinases bind ATP.");
    assert.equal(s.after, "Nothing else is known.");
    assert.equal(s.section, "Introduction");
    assert.equal(s.sectionKind, "introduction");
    assert.equal(s.paragraph, 0);
    assert.equal(d.paragraphs[0]?.text.slice(s.start, s.end), s.sentence);
    assert.equal(s.sentence.slice(s.markerStart, s.markerEnd), "Smith et al., 2010");
    assert.equal(s.cited, d.references[0]);
    assert.equal(s.subArticle, null);
  });

  test("gives three statements sharing the sentence when it cites three references", () => {
    const d = doc([para(3, "Shown before (⟦bib1|A, 2001⟧; ⟦bib3|B, 2002⟧; ⟦bib2|C, 2003⟧).")]);
    const { statements } = extract(d, "a.xml");
    assert.deepEqual(
      statements.map((s) => s.refId),
      ["bib1", "bib3", "bib2"],
    );
    assert.ok(statements.every((s) => s.sentence === "Shown before (A, 2001; B, 2002; C, 2003)." && s.paragraph === 3));
  });

  test("gives one statement when a sentence cites the same reference twice, with the first marker", () => {
    const d = doc([para(0, "First ⟦bib2|[2]⟧ and again ⟦bib2|[2]⟧ here. Then ⟦bib2|[2]⟧ in another.")]);
    const { statements } = extract(d, "a.xml");
    assert.equal(statements.length, 2);
    assert.equal(statements[0]?.markerStart, 6);
    assert.equal(statements[1]?.sentence, "Then [2] in another.");
  });

  test("attaches a marker printed after the full stop to the sentence before it", () => {
    const d = doc([para(0, "Tight junctions form.⟦bib1|1⟧,⟦bib2|2⟧ The motor powers them.")]);
    const { statements } = extract(d, "a.xml");
    assert.deepEqual(
      statements.map((s) => [s.refId, s.sentence, s.after]),
      [
        ["bib1", "Tight junctions form.1,2", "The motor powers them."],
        ["bib2", "Tight junctions form.1,2", "The motor powers them."],
      ],
    );
  });

  test("expands a range in reference-list order", () => {
    const d = doc([para(0, "Departures from the clock [⟦bib2|2⟧–⟦bib5|5⟧] are common.")]);
    const { statements } = extract(d, "a.xml");
    assert.deepEqual(
      statements.map((s) => [s.refId, s.marker]),
      [
        ["bib2", "2"],
        ["bib3", "2–5"],
        ["bib4", "2–5"],
        ["bib5", "5"],
      ],
    );
  });

  test("gives a statement for each id of a multi-id rid", () => {
    const d = doc([para(0, "As ⟦bib4 bib2|Höög et al. (2007, 2011)⟧ showed.")]);
    assert.deepEqual(
      extract(d, "a.xml").statements.map((s) => s.refId),
      ["bib4", "bib2"],
    );
  });

  test("warns once per unknown rid and keeps the other statements", () => {
    const d = doc([para(0, "One (⟦nope|X, 2001⟧; ⟦bib1|Y, 2002⟧). Two (⟦nope|X, 2001⟧).")]);
    const { statements, diagnostics } = extract(d, "bad.xml");
    assert.deepEqual(
      statements.map((s) => s.refId),
      ["bib1"],
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, "unknown-rid");
    assert.equal(diagnostics[0]?.severity, "warning");
    assert.equal(diagnostics[0]?.stage, "extract");
    assert.equal(diagnostics[0]?.file, "bad.xml");
    assert.match(diagnostics[0]?.reason ?? "", /2 times/);
  });

  test("warns about markers whose offsets do not fit the paragraph", () => {
    const p = para(0, "Text ⟦bib1|1⟧.");
    const broken: Paragraph = { ...p, markers: [{ refIds: ["bib1"], text: "1", start: 40, end: 41 }] };
    const { statements, diagnostics } = extract(doc([broken]), "a.xml");
    assert.equal(statements.length, 0);
    assert.equal(diagnostics[0]?.code, "marker-offsets");
  });

  test("says which sub-article a statement comes from and keeps paragraph order", () => {
    const d = doc([
      para(0, "Main text (⟦bib1|A, 2001⟧)."),
      para(1, "No citation here."),
      para(2, "The reviewers asked about (⟦bib2|B, 2002⟧).", {
        subArticle: "decision-letter",
        section: { heading: "Decision letter", kind: "other" },
      }),
    ]);
    const { statements } = extract(d, "a.xml");
    assert.deepEqual(
      statements.map((s) => [s.paragraph, s.subArticle, s.sectionKind]),
      [
        [0, null, "introduction"],
        [2, "decision-letter", "other"],
      ],
    );
  });

  test("gives nothing, and no warning, for a document without citations", () => {
    assert.deepEqual(extract(doc([para(0, "Plain.")], []), "a.xml"), { statements: [], diagnostics: [] });
  });

  test("has a version", () => {
    assert.match(EXTRACTOR_VERSION, /^extract-\d+$/);
  });
});
