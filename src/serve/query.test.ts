import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { ReportQuery } from "../core/report.js";
import { isFiltered, parseReportQuery, parseSearchQuery, reportQueryParams, toggleFacet } from "./query.js";

const parse = (s: string) => parseReportQuery(new URLSearchParams(s));

test("parseReportQuery reads repeated and comma-separated lists, years, order and paging", () => {
  const r = parse(
    "q=confirm&stance=supporting,contrasting&section=results&from=2013&to=2015&rel=self&author=Smith,+J.&author=Lee,+K.&journal=eLife&type=research-article&order=newest&page=2&pageSize=5",
  );
  assert.deepEqual(r, {
    ok: true,
    value: {
      q: "confirm",
      stance: ["supporting", "contrasting"],
      sectionKind: ["results"],
      yearFrom: 2013,
      yearTo: 2015,
      page: 2,
      publicationType: ["research-article"],
      relationship: ["self"],
      author: ["Smith, J.", "Lee, K."],
      journal: ["eLife"],
      order: "newest",
      pageSize: 5,
    },
  });
});

test("parseReportQuery reports every bad parameter", () => {
  const r = parse("stance=agree&from=20x&to=1999&page=0&pageSize=1000&order=best&rel=friend&bogus=1");
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 7);
  assert.match(r.errors.join("\n"), /unknown parameter "bogus"/);
  assert.match(r.errors.join("\n"), /stance must be among/);
  assert.match(r.errors.join("\n"), /pageSize must be between 1 and 100/);
});

test("parseReportQuery rejects a from year after the to year", () => {
  const r = parse("from=2016&to=2014");
  assert.equal(r.ok, false);
});

test("parseSearchQuery requires q and rejects report-only parameters", () => {
  assert.equal(parseSearchQuery(new URLSearchParams("")).ok, false);
  assert.equal(parseSearchQuery(new URLSearchParams("q=x&rel=self")).ok, false);
  assert.deepEqual(parseSearchQuery(new URLSearchParams("q=%22cell+cycle%22&stance=supporting&page=3")), {
    ok: true,
    value: { q: '"cell cycle"', stance: ["supporting"], page: 3 },
  });
});

test("reportQueryParams is the inverse of parseReportQuery", () => {
  const word = fc
    .stringMatching(/^[A-Za-z][A-Za-z ,.'-]{0,12}$/)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !s.includes(","));
  const query = fc.record(
    {
      q: word,
      stance: fc.uniqueArray(fc.constantFrom("supporting", "mentioning", "contrasting"), { minLength: 1 }),
      yearFrom: fc.integer({ min: 1990, max: 2000 }),
      yearTo: fc.integer({ min: 2001, max: 2020 }),
      author: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
      order: fc.constantFrom("newest", "oldest"),
      page: fc.integer({ min: 2, max: 50 }),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(query, (q) => {
      const back = parseReportQuery(reportQueryParams(q as ReportQuery));
      assert.equal(back.ok, true);
      if (back.ok) assert.deepEqual(back.value, { ...q });
    }),
  );
});

test("toggleFacet adds and removes a value and resets paging", () => {
  const q: ReportQuery = { stance: ["supporting"], page: 3 };
  assert.deepEqual(toggleFacet(q, "stance", "contrasting"), { stance: ["supporting", "contrasting"] });
  assert.deepEqual(toggleFacet(q, "stance", "supporting"), {});
  assert.equal(isFiltered({ order: "newest", page: 2 }), false);
  assert.equal(isFiltered({ yearFrom: 2014 }), true);
});
