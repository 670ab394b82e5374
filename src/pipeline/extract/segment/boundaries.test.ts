import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sentenceCuts } from "./boundaries.js";
import { icuCuts } from "./icu.js";

test("breaks after a terminator, its closing marks and spaces, before the next sentence", () => {
  assert.deepEqual(sentenceCuts('It binds." Then (it) goes! Does it? Yes'), [11, 27, 36]);
});

test("holds where UAX #29 holds: decimals, a lower-case next word, a comma after the stop", () => {
  for (const t of ["It is 3.5 mm long.", "See e.g. the figure.", "Smith et al., 2010", "etc. ; and"]) {
    assert.deepEqual(sentenceCuts(t), icuCuts(t), t);
    assert.deepEqual(sentenceCuts(t), [], t);
  }
});

test("paragraph separators always break, CR LF as one", () => {
  assert.deepEqual(sentenceCuts("a\r\nb\nc\u2029d"), [3, 5, 7]);
});

const PIECES = [
  "a",
  "b",
  "E",
  "Z",
  "é",
  "ß",
  "Ω",
  "ω",
  "1",
  "٣",
  ".",
  "!",
  "?",
  "‼",
  "։",
  "。",
  "․",
  " ",
  "\u00A0",
  "\u2009",
  "\t",
  "\n",
  "\r",
  "\u2029",
  '"',
  "'",
  "(",
  ")",
  "[",
  "]",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  ",",
  ";",
  ":",
  "-",
  "–",
  "—",
  "\u0301",
  "\u00AD",
  "\u200B",
  "\u200C",
  "\uFEFF",
  "\u2060",
  "U.S. Army",
  "i.e.",
  "…",
  "¿",
  "\u0085",
  "\u2028",
  "\u200D",
  "𝒜",
  "𝒶",
  "😀",
  "中",
  "%",
  "/",
  "e.g.",
  "Fig. 2A",
  "et al.",
  "3.5",
];

test("property: the same boundaries as Intl.Segmenter on random text", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const t = parts.join("");
      assert.deepEqual(sentenceCuts(t), icuCuts(t), JSON.stringify(t));
    }),
    { numRuns: 5000 },
  );
});
