import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseText } from "../index.js";
import { ParagraphBuilder } from "./paragraph.js";

const PIECES = [
  "a",
  "B",
  "z",
  "1",
  " ",
  "  ",
  "\n",
  "\t",
  "\r\n",
  ".",
  ",",
  ";",
  "(",
  ")",
  "[",
  "]",
  "–",
  "é",
  "\u00a0",
  "&",
  "<",
  ">",
  "𝛼",
];
const chunk = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(""));

/** A paragraph as a list of parts: text, a citation (xref bibr), an italic run, a figure xref. */
const part = fc.oneof(
  chunk.map((t) => ({ kind: "text" as const, t })),
  chunk.map((t) => ({ kind: "cite" as const, t })),
  chunk.map((t) => ({ kind: "italic" as const, t })),
  chunk.map((t) => ({ kind: "fig" as const, t })),
);

const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function xmlOf(parts: readonly { kind: string; t: string }[]): string {
  const body = parts
    .map((p, i) => {
      const t = escape(p.t);
      if (p.kind === "cite") return `<xref ref-type="bibr" rid="r${i} r${i + 1}">${t}</xref>`;
      if (p.kind === "italic") return `<italic>${t}</italic>`;
      if (p.kind === "fig") return `<xref ref-type="fig" rid="f1">${t}</xref>`;
      return t;
    })
    .join("");
  return `<article><body><sec><title>Results</title><p>${body}</p></sec></body></article>`;
}

test("property: every marker's offsets give its text, for any paragraph of text and xrefs", () => {
  fc.assert(
    fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
      const r = parseText("prop.xml", xmlOf(parts));
      assert.ok(r.document, JSON.stringify(r.diagnostics));
      const ps = r.document.paragraphs;
      const cites = parts.filter((p) => p.kind === "cite").length;
      const markers = ps.flatMap((p) => p.markers);
      assert.equal(markers.length, ps.length === 0 ? 0 : cites);
      for (const p of ps) {
        assert.doesNotMatch(p.text, /^ | $|[ \t\n\r]{2}|[\t\n\r]/, "collapsed and trimmed");
        for (const m of p.markers) {
          assert.equal(p.text.slice(m.start, m.end), m.text);
          assert.ok(m.start >= 0 && m.start <= m.end && m.end <= p.text.length);
          assert.doesNotMatch(m.text, /^ | $/);
          assert.equal(m.refIds.length, 2);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test("property: the paragraph text is the source text with XML whitespace collapsed", () => {
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 10 }), (parts) => {
      const r = parseText("prop.xml", xmlOf(parts));
      const expected = parts
        .map((p) => p.t)
        .join("")
        .replace(/[ \t\n\r]+/g, " ")
        .replace(/^ | $/g, ""); // only XML whitespace: a no-break space is kept as printed
      assert.equal(r.document?.paragraphs[0]?.text ?? "", expected);
    }),
    { numRuns: 300 },
  );
});

test("a marker with no text stands at its place with empty text", () => {
  const b = new ParagraphBuilder();
  b.add("Seen in ");
  b.beginMarker(["r1"]);
  b.endMarker();
  b.add("mice.");
  assert.deepEqual(b.build(), { text: "Seen in mice.", markers: [{ refIds: ["r1"], text: "", start: 8, end: 8 }] });
});

test("a marker at the very end of a paragraph with trailing whitespace is clamped to the text", () => {
  const b = new ParagraphBuilder();
  b.add("As shown ");
  b.beginMarker(["r1"]);
  b.add(" [1] \n ");
  b.endMarker();
  assert.deepEqual(b.build(), { text: "As shown [1]", markers: [{ refIds: ["r1"], text: "[1]", start: 9, end: 12 }] });
});
