import assert from "node:assert/strict";
import { test } from "node:test";
import { hashString } from "./hash.js";
import { OTHER_CITATION, TARGET, tokenize, tokenText } from "./text.js";

const words = (s: string) => {
  const t = tokenize(s);
  return Array.from({ length: t.size }, (_, i) => tokenText(t, i, 1));
};

test("the marked target becomes one token and other citations another", () => {
  const t = tokenize("Consistent with <<Smith et al., 2010>>, we found X (Jones, 2011; Lee 2012) and [3, 4].");
  assert.equal(t.kinds[t.target], TARGET);
  assert.equal(t.others.length, 2);
  assert.ok(t.others.every((i) => t.kinds[i] === OTHER_CITATION));
  assert.deepEqual(words("Consistent with <<Smith et al., 2010>>, we found X"), [
    "consistent",
    "with",
    "[cited]",
    "we",
    "found",
    "x",
  ]);
});

test("a target inside a bracket group with other works is parenthetical and co-cited", () => {
  const t = tokenize("as shown before (Lee, 2001; <<Smith, 2010>>).");
  assert.equal(t.targetInBrackets, true);
  assert.equal(t.coCited, true);
  assert.equal(t.others.length, 0);
});

test("a narrative citation's year counts as a citation and et al. is dropped", () => {
  assert.deepEqual(words("Smith et al. 2010 showed"), ["smith", "[citation]", "showed"]);
});

test("contractions give not, possessives are dropped, numbers are one token", () => {
  assert.deepEqual(words("We didn\u2019t see Smith's 3.5-fold effect"), [
    "we",
    "didn",
    "not",
    "see",
    "smith",
    "[number]",
    "fold",
    "effect",
  ]);
  assert.equal(tokenize("We didn't").hashes[2], hashString("not"));
});

test("tokens hash their lower-cased text", () => {
  const t = tokenize("CONSISTENT With");
  assert.deepEqual([...t.hashes.subarray(0, t.size)], [hashString("consistent"), hashString("with")]);
});

test("runs of unclosed brackets and marks tokenize in one pass (no quadratic rescans)", () => {
  assert.equal(tokenize("(".repeat(300000)).size, 0);
  assert.equal(tokenize("<<".repeat(300000)).size, 0);
  assert.equal(tokenize(`${"[".repeat(200000)}x`).size, 1);
});
