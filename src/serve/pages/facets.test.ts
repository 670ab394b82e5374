import assert from "node:assert/strict";
import { test } from "node:test";
import { facetGroup, fillYears, yearFacet } from "./facets.js";
import { toggleHref } from "./links.js";

test("fillYears fills the gaps between the first and last year with zeros", () => {
  assert.deepEqual(
    fillYears([
      { value: "2015", count: 2 },
      { value: "2012", count: 1 },
    ]).map((y) => `${y.value}:${y.count}`),
    ["2012:1", "2013:0", "2014:0", "2015:2"],
  );
  assert.deepEqual(fillYears([]), []);
});

test("a facet value links to the query with it toggled and paging reset; selected values stay listed", () => {
  const current = new URLSearchParams("stance=supporting&page=3&q=x");
  assert.equal(toggleHref(current, "stance", "supporting"), "?q=x");
  assert.equal(toggleHref(current, "stance", "contrasting"), "?stance=supporting&q=x&stance=contrasting");
  const out = facetGroup({ title: "Type", key: "stance", counts: [{ value: "mentioning", count: 4 }] }, current).value;
  assert.match(out, /data-value="mentioning"/);
  assert.match(out, /class="facet active" href="\?q=x" data-facet="stance" data-value="supporting"/);
});

test("the year facet draws one bar per year and keeps other filters in its range form", () => {
  const out = yearFacet(
    [
      { value: "2013", count: 3 },
      { value: "2015", count: 1 },
    ],
    new URLSearchParams("q=a&from=2013"),
  ).value;
  assert.equal((out.match(/<rect /g) ?? []).length, 3);
  assert.match(out, /<title>2015: 1 statement<\/title>/);
  assert.match(out, /<title>2013: 3 statements<\/title>/);
  assert.match(out, /<input type="hidden" name="q" value="a">/);
  assert.doesNotMatch(out, /type="hidden" name="from"/);
  assert.match(out, /Any year/);
});
