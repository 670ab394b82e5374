import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { icuCuts, icuCutsMany } from "./icu.js";

const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });

/** The boundaries of one plain call to the segmenter. */
function direct(text: string): number[] {
  return [...SEGMENTER.segment(text)].map((s) => s.index).filter((i) => i > 0);
}

const SENTENCES = [
  "Toll-like receptors detect microbial components on the cell surface (Aaaaaaaa aaa Aaaaa, 0000). ",
  "All TLRs contain extracellular leucine-rich repeats. ",
  "Is it so? ",
  "It binds E. coli and S. cerevisiae proteins at 3.5 µM! ",
  "The p-value was 0.05.\n",
  "“Quoted.” Then more text follows here, e.g. this. ",
  "(B) Model of PCNA. ",
];

describe("icuCutsMany", () => {
  test("gives the same boundaries for batched paragraphs as one call per paragraph", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constantFrom(...SENTENCES), fc.string({ maxLength: 8 })), { maxLength: 12 }), {
          maxLength: 30,
        }),
        (paragraphs) => {
          const texts = paragraphs.map((p) => p.join(""));
          assert.deepEqual(icuCutsMany(texts), texts.map(direct));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("reads a very long paragraph in windows with the same boundaries as one call", () => {
    let text = "";
    for (let i = 0; text.length < 40_000; i++) text += SENTENCES[(i * 7) % SENTENCES.length];
    assert.deepEqual(icuCuts(text), direct(text));
  });

  test("finds no boundary in an empty text", () => {
    assert.deepEqual(icuCutsMany(["", "One. Two."]), [[], [5]]);
  });
});
