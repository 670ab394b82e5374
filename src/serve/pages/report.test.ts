import assert from "node:assert/strict";
import { test } from "node:test";
import { HOSTILE, handGroup, handReport, handStatement, handWork } from "../../../test/serve/hand-report.js";
import type { StatementId } from "../../core/ids.js";
import { summarize } from "../summary/summary.js";
import { markedSentence } from "./card.js";
import { layout } from "./layout.js";
import { reportBody } from "./report.js";

const hostilePerson = { surname: HOSTILE, given: HOSTILE, orcid: null };

function hostilePage(): string {
  const s = handStatement({
    id: "s1" as StatementId,
    sentence: `Before ${HOSTILE} [1] after.`,
    marker: "[1]",
    before: HOSTILE,
    after: HOSTILE,
    section: HOSTILE,
    cues: [HOSTILE],
    subArticle: HOSTILE,
  });
  const more = handStatement({ id: "s2" as StatementId, stance: "contrasting", sentence: HOSTILE, marker: "x" });
  const group = handGroup({ title: HOSTILE, authors: [hostilePerson], journal: HOSTILE, type: HOSTILE }, [s, more]);
  const work = handWork({
    title: HOSTILE,
    authors: [hostilePerson],
    journal: HOSTILE,
    abstract: HOSTILE.repeat(10),
    type: HOSTILE,
  });
  const report = handReport(work, [group], 1);
  const params = new URLSearchParams({ q: HOSTILE, author: HOSTILE });
  const body = reportBody({
    report,
    references: [{ refId: "r1", raw: HOSTILE, work: group.citing, tallies: report.tallies }],
    summary: summarize({ overall: report, supporting: [group], contrasting: [group] }),
    params,
    origin: "http://localhost:8080",
  });
  return layout({ title: HOSTILE, nonce: "abc", assets: { css: "/s.css", js: "/a.js" }, body, searchText: HOSTILE });
}

test("the report page escapes document text in titles, authors, sentences, cues, facets and forms", () => {
  const page = hostilePage();
  assert.equal((page.match(/<script/g) ?? []).length, 1, "only the page's own script tag");
  assert.doesNotMatch(page, /<img src=x/);
  // Every attribute value is quoted and free of raw quotes: no attribute ends early.
  for (const m of page.matchAll(/<[a-z][^>]*>/g)) assert.doesNotMatch(m[0], /="[^"]*"[^\s>\/=]/, m[0]);
  assert.match(page, /&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt;/);
});

test("the report page shows zero tallies as 0 and offers every section of the report", () => {
  const report = handReport(handWork(), [handGroup({}, [handStatement()])]);
  const page = reportBody({
    report,
    references: [],
    summary: [],
    params: new URLSearchParams(),
    origin: "http://x",
  }).value;
  assert.match(page, /<span class="n">0<\/span><span class="what">Contrasting<\/span>/);
  assert.match(page, /Cited by 1 publication \(1 citation statement\)/);
  assert.match(page, /References 0 publications/);
  for (const id of ["statements", "references", "badge", "alerts", "defs-h"])
    assert.match(page, new RegExp(`id="${id}"`));
  assert.match(page, /href="\/works\/10.7554\/elife.00102\/cite.bib"/);
  assert.match(page, /does not subscribe you/);
});

test("markedSentence highlights the marker by offsets and ignores offsets out of range", () => {
  assert.equal(
    markedSentence({ sentence: "A <b> [1].", markerStart: 6, markerEnd: 9 }).value,
    'A &lt;b&gt; <mark class="marker">[1]</mark>.',
  );
  assert.equal(markedSentence({ sentence: "A [1].", markerStart: 3, markerEnd: 99 }).value, "A [1].");
});
