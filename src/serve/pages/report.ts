/** The report page of one work (SPEC section 1): header, tallies, summary, facets, cards, references. */
import type { CitingGroup, ReferenceView, Report, WorkView } from "../../core/report.js";
import { badgeEmbed, badgeText } from "../badge/badge.js";
import { apaText } from "../cite/apa.js";
import { CITE_FORMATS } from "../cite/index.js";
import { type Html, html } from "../html.js";
import { LABEL_DEFINITIONS, LABEL_NOTES, stanceName, typeName } from "../labels.js";
import { plural } from "../plural.js";
import type { SummarySentence } from "../summary/summary.js";
import { workPath } from "../work-ref.js";
import { statementCard } from "./card.js";
import { FACET_DISPLAY, facetGroup, yearFacet } from "./facets.js";
import { hiddenInputs, pager, setHref } from "./links.js";
import { tallyChips, workLine } from "./parts.js";

/** Everything the report page shows. */
export interface ReportPageData {
  readonly report: Report;
  readonly references: readonly ReferenceView[];
  readonly summary: readonly SummarySentence[];
  /** The request's query string as parsed (drives facet links and forms). */
  readonly params: URLSearchParams;
  /** Scheme and host the page was served from (for the badge embed snippet). */
  readonly origin: string;
}

function header(w: WorkView): Html {
  const path = workPath(w);
  const abstract = w.abstract?.trim() ?? "";
  const teaser = abstract.length > 320 ? `${abstract.slice(0, 300).replace(/\s+\S*$/, "")}…` : abstract;
  return html`<header class="work-header">
  <p class="kicker">${w.type ? typeName(w.type) : "Work"}${w.ingested ? "" : html` · <span title="Known from reference lists only">cited, full text not ingested</span>`}</p>
  <h1>${w.title ?? "Untitled work"}</h1>
  ${w.authors.length > 0 ? html`<p class="authors">${w.authors.slice(0, 12).map((a, i) => html`${i > 0 ? ", " : ""}<span class="author">${a.given ? `${a.given} ` : ""}${a.surname}</span>`)}${w.authors.length > 12 ? html`<details class="inline"><summary>and ${w.authors.length - 12} more</summary>${w.authors.slice(12).map((a, i) => html`${i > 0 ? ", " : ""}<span class="author">${a.given ? `${a.given} ` : ""}${a.surname}</span>`)}</details>` : ""}</p>` : ""}
  <p class="meta">${[w.journal, w.year !== null ? String(w.year) : null].filter((x) => x).join(" · ")}${w.doi ? html` · DOI <a href="https://doi.org/${w.doi}" rel="noopener">${w.doi}</a>` : html` · Work id <code>${w.workId}</code>`}</p>
  ${abstract !== "" ? (teaser === abstract ? html`<p class="abstract">${abstract}</p>` : html`<details class="abstract"><summary><span class="teaser">${teaser}</span> <span class="show-more">Show more</span></summary><p>${abstract}</p><p class="show-less muted">(click “Abstract” above to collapse)</p></details>`) : ""}
  <div class="actions">
    ${w.doi ? html`<a class="button" href="https://doi.org/${w.doi}" rel="noopener">View full text</a>` : ""}
    <details class="cite"><summary class="button">Cite</summary>
      <div class="popover">
        <p class="apa" id="apa-text">${apaText(w)}</p>
        <p><button type="button" class="copy" data-copy="#apa-text">Copy APA</button></p>
        <p class="downloads">Download: ${CITE_FORMATS.filter((f) => f.ext !== "txt").map((f, i) => html`${i > 0 ? " · " : ""}<a href="${path}/cite.${f.ext}" download>${f.label}</a>`)}</p>
      </div>
    </details>
    <a class="button" href="#badge">Badge</a>
    <a class="button" href="#alerts">Alerts</a>
  </div>
</header>`;
}

function talliesBlock(r: Report): Html {
  const t = r.tallies;
  const box = (s: "supporting" | "mentioning" | "contrasting") =>
    html`<a class="tally stance-${s}" href="?stance=${s}#statements"><span class="n">${t[s].toLocaleString("en-US")}</span><span class="what">${stanceName(s)}</span></a>`;
  return html`<section class="tallies" aria-label="Tallies">
  <div class="tally-boxes">${box("supporting")}${box("mentioning")}${box("contrasting")}</div>
  <p class="counts"><a href="?#statements">Cited by ${plural(r.citingPublications, "publication")} (${plural(r.statementCount, "citation statement")})</a>
  · <a href="#references">References ${plural(r.referenceCount, "publication")}</a></p>
</section>`;
}

function summaryBlock(sentences: readonly SummarySentence[]): Html {
  return html`<details class="summary" open>
  <summary><h2>Help me understand this report</h2></summary>
  <ul>${sentences.map(
    (s) =>
      html`<li>${s.runs.map((r) => (r.href ? html`<a href="${r.href}">${r.text}</a>` : html`${r.text}`))}${
        s.quote
          ? html`<blockquote class="quote stance-${s.quote.statement.stance}"><a href="${s.basis}">“${s.quote.statement.sentence}”</a></blockquote>`
          : ""
      }</li>`,
  )}</ul>
  <p class="muted small">Built only from the counts and statements of this report; each link opens the statements behind the sentence.</p>
</details>`;
}

function orderLinks(params: URLSearchParams, order: string): Html {
  const items = [
    ["relevance", "Relevance"],
    ["newest", "Newest"],
    ["oldest", "Oldest"],
  ] as const;
  return html`<nav class="order" aria-label="Order by"><span>Order by</span> ${items.map(
    ([v, label]) =>
      html`<a href="${setHref(params, { order: v === "relevance" ? null : v })}#statements"${order === v ? html` aria-current="true" class="current"` : ""}>${label}</a>`,
  )}</nav>`;
}

function group(g: CitingGroup): Html {
  const [first, ...rest] = g.statements;
  if (first === undefined) return html``;
  return html`<div class="group">${statementCard(first, g.citing)}${
    rest.length > 0
      ? html`<details class="see-more"><summary>See ${rest.length} more from this publication</summary>${rest.map((s) => statementCard(s, null))}</details>`
      : ""
  }</div>`;
}

function statementsBlock(r: Report, params: URLSearchParams): Html {
  const p = r.page;
  const pages = Math.max(1, Math.ceil(p.matchingPublications / p.pageSize));
  const filtered = [...params.keys()].some((k) => k !== "order" && k !== "page" && k !== "pageSize");
  return html`<section id="statements" class="statements" aria-labelledby="statements-h">
  <h2 id="statements-h">Citation statements</h2>
  <form class="report-search" role="search" method="get">
    <label for="report-q">Search citation statements in this report</label>
    <div class="row"><input id="report-q" name="q" type="search" value="${params.get("q") ?? ""}" placeholder="e.g. replicate OR confirm">
    ${hiddenInputs(params, ["q"])}<button type="submit">Search</button></div>
  </form>
  <div class="list-head">
    <p class="matching" aria-live="polite">${plural(p.matchingStatements, "statement")} from ${plural(p.matchingPublications, "publication")}${filtered ? html` match · <a href="?#statements">Clear filters</a>` : ""}</p>
    ${orderLinks(params, p.order)}
  </div>
  ${r.statements.length > 0 ? r.statements.map(group) : html`<p class="empty">No citation statement matches.</p>`}
  ${pager(params, p.page, pages)}
</section>`;
}

function facetsBlock(r: Report, params: URLSearchParams): Html {
  const f = r.facets;
  return html`<aside class="facets" aria-label="Filters">
  <h2>Filter statements</h2>
  ${facetGroup({ title: "Citation type", key: "stance", counts: f.stance, display: FACET_DISPLAY.stance, stanceColours: true }, params)}
  ${facetGroup({ title: "Paper section", key: "section", counts: f.sectionKind, display: FACET_DISPLAY.section }, params)}
  ${yearFacet(f.year, params)}
  ${facetGroup({ title: "Publication type", key: "type", counts: f.publicationType, display: FACET_DISPLAY.type }, params)}
  ${facetGroup({ title: "Relationship", key: "rel", counts: f.relationship, display: FACET_DISPLAY.rel }, params)}
  ${facetGroup({ title: "Authors", key: "author", counts: f.authors, visible: 6 }, params)}
  ${facetGroup({ title: "Journals", key: "journal", counts: f.journals, visible: 6 }, params)}
</aside>`;
}

function referencesBlock(refs: readonly ReferenceView[], count: number): Html {
  return html`<section id="references" class="references" aria-labelledby="references-h">
  <h2 id="references-h">References ${plural(count, "publication")}</h2>
  ${
    refs.length === 0
      ? html`<p class="muted">This work's reference list is not in the index (its full text was not ingested).</p>`
      : html`<details${refs.length <= 8 ? " open" : ""}><summary>Show the ${refs.length} references with their tallies</summary>
  <ol class="refs">${refs.map((ref) => html`<li>${workLine(ref.work)} ${tallyChips(ref.tallies, workPath(ref.work))}</li>`)}</ol></details>`
  }
</section>`;
}

function definitionsBlock(): Html {
  return html`<section class="definitions" aria-labelledby="defs-h">
  <h2 id="defs-h">What the labels mean</h2>
  <dl>${LABEL_DEFINITIONS.map((d) => html`<dt class="stance-${d.stance}">${stanceName(d.stance)}</dt><dd>${d.text}</dd>`)}</dl>
  <p>${LABEL_NOTES}</p>
  <p class="muted">Labels come from a classifier trained in this project; the percentage is its calibrated confidence. Open “Why …?” on a card to see the cues behind a label.</p>
</section>`;
}

function alertsBlock(w: WorkView): Html {
  return html`<section id="alerts" class="alerts" aria-labelledby="alerts-h">
  <h2 id="alerts-h">Alerts for this work</h2>
  <p class="notice" role="note">Alerts are not available yet in this version of Citelens: this form is shown so you can see what it will ask, and it does not subscribe you to anything.</p>
  <form class="alert-form" method="post" aria-describedby="alerts-h">
    <input type="hidden" name="work" value="${w.doi ?? w.workId}">
    <label>Email <input type="email" name="email" autocomplete="email" disabled></label>
    <label>or webhook URL <input type="url" name="webhook" disabled></label>
    <button type="submit" disabled>Subscribe (not available yet)</button>
  </form>
</section>`;
}

function badgeBlock(r: Report, origin: string): Html {
  const path = workPath(r.work);
  const badge = `${workPath(r.work, "/badge/")}.svg`;
  const snippet = badgeEmbed(origin, path, badge, r.tallies);
  return html`<section id="badge" class="badge" aria-labelledby="badge-h">
  <h2 id="badge-h">Badge</h2>
  <p><img src="${badge}" alt="${badgeText(r.tallies)}" height="20"></p>
  <label for="badge-snippet">Embed this HTML in your page:</label>
  <textarea id="badge-snippet" readonly rows="3">${snippet}</textarea>
  <p><button type="button" class="copy" data-copy="#badge-snippet">Copy snippet</button></p>
</section>`;
}

/** The report page body. */
export function reportBody(d: ReportPageData): Html {
  const r = d.report;
  return html`<div class="report">
${header(r.work)}
${talliesBlock(r)}
${summaryBlock(d.summary)}
<div class="columns">
${facetsBlock(r, d.params)}
${statementsBlock(r, d.params)}
</div>
${referencesBlock(d.references, Math.max(r.referenceCount, d.references.length))}
${definitionsBlock()}
${badgeBlock(r, d.origin)}
${alertsBlock(r.work)}
</div>`;
}
