import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { MarkerSpan } from "./groups.js";
import { segmentSentences } from "./segmenter.js";

/** Pieces that paragraphs are made of: words, the hard abbreviations, punctuation, odd spaces. */
const PIECES = [
  "The",
  "cells",
  "grew",
  "et al.",
  "Fig. 2A",
  "e.g.",
  "i.e.",
  "cf.",
  "vs.",
  "E. coli",
  "J. Smith",
  "3.5",
  "p53",
  "mRNA",
  "§ 4",
  ".",
  ". ",
  "? ",
  "! ",
  ", ",
  "; ",
  "(",
  ")",
  "[",
  "]",
  "–",
  " ",
  "  ",
  "\n",
  "\u00a0",
  "Ω",
  "😀",
];
const MARKERS = ["3", "[12]", "Smith et al., 2010", "Jones, 2009a", "Smith et al. (2010)", "4–6"];

/** A paragraph as pieces, some of them citation markers. */
const paragraph = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES).map((text) => ({ text, marker: false })) },
    { weight: 1, arbitrary: fc.constantFrom(...MARKERS).map((text) => ({ text, marker: true })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((text) => ({ text, marker: false })) },
  ),
  { maxLength: 40 },
);

function build(pieces: readonly { text: string; marker: boolean }[]): { text: string; markers: MarkerSpan[] } {
  let text = "";
  const markers: MarkerSpan[] = [];
  for (const p of pieces) {
    if (p.marker) markers.push({ start: text.length, end: text.length + p.text.length });
    text += p.text;
  }
  return { text, markers };
}

const isSpace = (c: string) => /\s/u.test(c);

test("sentences are trimmed, ordered, disjoint and cover every non-space character", () => {
  fc.assert(
    fc.property(paragraph, (pieces) => {
      const { text, markers } = build(pieces);
      const spans = segmentSentences(text, markers);
      let covered = 0;
      let last = 0;
      for (const s of spans) {
        assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, "ordered, disjoint, non-empty");
        const sentence = text.slice(s.start, s.end);
        assert.equal(sentence, sentence.trim(), "trimmed");
        assert.equal(text.slice(s.start, s.end), sentence, "slice round-trips");
        for (const c of text.slice(last, s.start)) assert.ok(isSpace(c), "only whitespace between sentences");
        covered += s.end - s.start;
        last = s.end;
      }
      for (const c of text.slice(last)) assert.ok(isSpace(c), "only whitespace after the last sentence");
      assert.ok(covered <= text.length);
    }),
    { numRuns: 500 },
  );
});

test("no sentence boundary falls inside a marker", () => {
  fc.assert(
    fc.property(paragraph, (pieces) => {
      const { text, markers } = build(pieces);
      const spans = segmentSentences(text, markers);
      for (const m of markers) {
        if (text.slice(m.start, m.end).trim() === "") continue;
        const holder = spans.find((s) => s.start <= m.start && m.start < s.end);
        assert.ok(holder !== undefined && m.end <= holder.end, `marker ${m.start}-${m.end} inside one sentence`);
      }
    }),
    { numRuns: 500 },
  );
});

test("segmentation is deterministic", () => {
  fc.assert(
    fc.property(paragraph, (pieces) => {
      const { text, markers } = build(pieces);
      assert.deepEqual(segmentSentences(text, markers), segmentSentences(text, markers));
    }),
    { numRuns: 100 },
  );
});
