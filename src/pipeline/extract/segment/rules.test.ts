import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cannotStartSentence, holdsAfter, looksLikeSentenceStart } from "./rules.js";

describe("holdsAfter", () => {
  test("holds after abbreviations that never end a sentence, whatever follows", () => {
    for (const left of [
      "see e.g.",
      "i.e.",
      "(cf.",
      "WT vs.",
      "approx.",
      "in Fig.",
      "Figs.",
      "Eq.",
      "Ref.",
      "refs.",
      "no.",
      "ca.",
    ]) {
      assert.equal(holdsAfter(left, "The next"), true, left);
    }
  });
  test("holds after et al., sp., spp. and initials unless a sentence opener follows", () => {
    assert.equal(holdsAfter("Smith et al.", "(2010) showed"), true);
    assert.equal(holdsAfter("Smith et al.", "Nature 2013"), true);
    assert.equal(holdsAfter("observed by Zhang et al.", "Other pathways"), false);
    assert.equal(holdsAfter("Synechocystis sp.", "PCC 6803"), true);
    assert.equal(holdsAfter("Bacillus spp.", "These were"), false);
    assert.equal(holdsAfter("by J.", "Smith"), true);
    assert.equal(holdsAfter("subdomain C.", "The pore"), false);
  });
  test("does not take units, panel letters or words for initials or abbreviations", () => {
    assert.equal(holdsAfter("at 20°C.", "Data were"), false);
    assert.equal(holdsAfter("of 7.3 Å.", "Data were"), false);
    assert.equal(holdsAfter("100 ms.", "Clustering"), false);
    assert.equal(holdsAfter("in Figure 2B.", "Cells"), false);
    assert.equal(holdsAfter("was shown.", "Next"), false);
    assert.equal(holdsAfter("Does it?", "Yes"), false);
  });
});

describe("cannotStartSentence and looksLikeSentenceStart", () => {
  test("lower case and closing punctuation cannot start a sentence, gene names can", () => {
    assert.equal(cannotStartSentence("coli cells"), true);
    assert.equal(cannotStartSentence(", and"), true);
    assert.equal(cannotStartSentence(") then"), true);
    assert.equal(cannotStartSentence("mRNA levels"), false);
    assert.equal(cannotStartSentence("p53 is"), false);
    assert.equal(cannotStartSentence("The"), false);
  });
  test("a capital, a bracket or quote before a capital, or a gene name looks like a start", () => {
    assert.equal(looksLikeSentenceStart("Then"), true);
    assert.equal(looksLikeSentenceStart("(A) Cells"), true);
    assert.equal(looksLikeSentenceStart("“The"), true);
    assert.equal(looksLikeSentenceStart("hESCs contain"), true);
    assert.equal(looksLikeSentenceStart("and then"), false);
  });
});
