/** The search page: statements across the whole index, with facets. */
import type { SearchResult } from "../../core/report.js";
import { type Html, highlightSnippet, html } from "../html.js";
import { sectionName } from "../labels.js";
import { plural } from "../plural.js";
import { markedSentence, whyDetails } from "./card.js";
import { FACET_DISPLAY, facetGroup, yearFacet } from "./facets.js";
import { pager } from "./links.js";
import { stanceChip, workLine } from "./parts.js";

/** What the search page shows: the result (null before a query is typed) and any parameter errors. */
export interface SearchPageData {
  readonly params: URLSearchParams;
  readonly result: SearchResult | null;
  readonly errors: readonly string[];
}

function hit(h: SearchResult["hits"][number]): Html {
  const s = h.statement;
  return html`<article class="card hit stance-${s.stance}" id="s-${s.id}">
  <div class="card-head">${stanceChip(s.stance, s.confidence)}</div>
  <blockquote class="excerpt"><span class="sentence">${highlightSnippet(h.snippet)}</span></blockquote>
  <div class="cited"><span class="cites">Cites:</span> ${workLine(h.cited)}</div>
  <div class="citing"><span class="cites">In:</span> ${workLine(h.citing)}</div>
  <details class="full"><summary>Context and section</summary><blockquote class="excerpt">${s.before ? html`<span class="ctx">${s.before} </span>` : ""}<span class="sentence">${markedSentence(s)}</span>${s.after ? html`<span class="ctx"> ${s.after}</span>` : ""}</blockquote><p>${sectionName(s.sectionKind)}${s.section ? html` (${s.section})` : ""}</p></details>
  ${whyDetails(s)}
</article>`;
}

/** The search page body. */
export function searchBody(d: SearchPageData): Html {
  const q = d.params.get("q") ?? "";
  const r = d.result;
  const pages = r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  return html`<div class="search-page">
<h1>Search citation statements</h1>
<form class="big-search" role="search" method="get" action="/search">
  <label for="q">Words or phrases (use quotes for a phrase, OR, NOT)</label>
  <div class="row"><input id="q" name="q" type="search" value="${q}"${q === "" ? html` autofocus` : ""}><button type="submit">Search</button></div>
</form>
${d.errors.length > 0 ? html`<div class="error" role="alert"><p>Please check the search:</p><ul>${d.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ""}
${
  r === null
    ? html`<p class="muted">Search the sentences in which papers cite other papers, across every ingested article.</p>`
    : html`<div class="columns">
  <aside class="facets" aria-label="Filters">
    <h2>Filter</h2>
    ${facetGroup({ title: "Citation type", key: "stance", counts: r.facets.stance, display: FACET_DISPLAY.stance, stanceColours: true }, d.params)}
    ${facetGroup({ title: "Paper section", key: "section", counts: r.facets.sectionKind, display: FACET_DISPLAY.section }, d.params)}
    ${yearFacet(r.facets.year, d.params)}
  </aside>
  <section class="statements" aria-labelledby="results-h">
    <h2 id="results-h" aria-live="polite">${r.sampled ? "At least " : ""}${plural(r.total, "statement")} match <span class="query">${q}</span></h2>
    ${r.sampled ? html`<p class="muted small">A very common query: the count, the facets and the order cover the most recently indexed matches only. Add words to narrow it.</p>` : ""}
    ${r.hits.length > 0 ? r.hits.map(hit) : html`<p class="empty">Nothing matches. Try fewer or other words.</p>`}
    ${pager(d.params, r.page, pages)}
  </section>
</div>`
}
</div>`;
}
