import assert from "node:assert/strict";
import { test } from "node:test";
import type { Person } from "../../core/document.js";
import { authorSet, isSelfCitation } from "./self-citation.js";

const p = (surname: string, given: string | null, orcid: string | null = null): Person => ({ surname, given, orcid });
const citing = authorSet([p("Li", "Xiao-Dong"), p("Chen", "Zhijian J", "0000-0002-8475-8251")]);

test("a cited author with the same surname and first initial is a self-citation", () => {
  assert.equal(isSelfCitation(citing, [p("Smith", "A"), p("Li", "XD")]), true);
});

test("the same surname with another initial is independent", () => {
  assert.equal(isSelfCitation(citing, [p("Li", "Y")]), false);
});

test("diacritics and case do not hide a shared author", () => {
  const c = authorSet([p("Krüger", "Anna")]);
  assert.equal(isSelfCitation(c, [p("KRUGER", "A.")]), true);
});

test("a shared ORCID is a self-citation even when names differ", () => {
  assert.equal(isSelfCitation(citing, [p("Chen", "Z", "0000-0002-8475-8251")]), true);
  assert.equal(isSelfCitation(citing, [p("Chan", "Q", "0000-0002-8475-8251")]), true);
});

test("a cited author without given names matches a unique citing surname only", () => {
  assert.equal(isSelfCitation(citing, [p("Chen", null)]), true);
  const two = authorSet([p("Wang", "A"), p("Wang", "B")]);
  assert.equal(isSelfCitation(two, [p("Wang", null)]), false);
});
