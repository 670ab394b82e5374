import assert from "node:assert/strict";
import { test } from "node:test";
import { firstInitial, foldText, journalKey, personKey, surnameKey, titleKey } from "./normalize.js";

test("foldText removes diacritics, case and punctuation and spells out Greek letters", () => {
  assert.equal(foldText("Über  die Rolle von TNF-α."), "uber die rolle von tnf alpha");
  assert.equal(foldText("TNF alpha"), foldText("TNF-α"));
  assert.equal(foldText("ﬁbroblast Straße"), "fibroblast strasse");
});

test("titleKey makes variants of one title meet and gives null for an empty title", () => {
  assert.equal(titleKey("The Ribosome: a Ribozyme."), titleKey("the ribosome - a ribozyme"));
  assert.equal(titleKey("  ...  "), null);
  assert.equal(titleKey("The TGF-β pathway: a review."), "tgfbetapathwayreview");
  assert.equal(titleKey("Lifr signalling in data sets"), titleKey("LIFR signaling in datasets"));
  assert.equal(titleKey(null), null);
});

test("surnameKey and firstInitial fold names to comparable keys", () => {
  assert.equal(surnameKey("van der Berg"), surnameKey("Van-Der Berg"));
  assert.equal(surnameKey("Krüger"), "kruger");
  assert.equal(firstInitial("Jean-Luc"), "j");
  assert.equal(firstInitial(null), "");
  assert.equal(personKey({ surname: "Müller", given: "Éva K" }), "muller|e");
});

test("journalKey ignores punctuation and spacing", () => {
  assert.equal(journalKey("Proc. Natl. Acad. Sci. U.S.A."), journalKey("Proc Natl Acad Sci U S A"));
});
