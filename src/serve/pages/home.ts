/** The home page: a DOI box, corpus statistics, and the most supported and most contrasted works. */
import type { CorpusStats, WorkTallies } from "../../core/report.js";
import { type Html, html } from "../html.js";
import { workPath } from "../work-ref.js";
import { tallyChips, workLine } from "./parts.js";

/** What the home page shows. */
export interface HomePageData {
  readonly stats: CorpusStats;
  readonly mostSupported: readonly WorkTallies[];
  readonly mostContrasted: readonly WorkTallies[];
  readonly mostCited: readonly WorkTallies[];
}

function list(title: string, id: string, works: readonly WorkTallies[], empty: string): Html {
  return html`<section class="top-works" aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>
  ${works.length === 0 ? html`<p class="muted">${empty}</p>` : html`<ol>${works.map((w) => html`<li>${workLine(w.work)} ${tallyChips(w.tallies, workPath(w.work))}</li>`)}</ol>`}
</section>`;
}

function stat(n: string, what: string): Html {
  return html`<div class="stat"><span class="n">${n}</span><span class="what">${what}</span></div>`;
}

/** The home page body. */
export function homeBody(d: HomePageData): Html {
  const s = d.stats;
  const fmt = (n: number) => n.toLocaleString("en-US");
  const example = d.mostCited[0]?.work;
  return html`<div class="home">
<section class="hero">
  <h1>See how a paper has been cited</h1>
  <p class="lede">Citelens shows the sentences in which later papers cite a work, whether they <span class="stance-text stance-supporting">support</span>, <span class="stance-text stance-contrasting">contrast with</span> or only <span class="stance-text stance-mentioning">mention</span> it, and where in the paper they do so.</p>
  <form class="big-search" method="get" action="/lookup">
    <label for="doi">DOI or work id</label>
    <div class="row"><input id="doi" name="doi" type="text" required placeholder="10.7554/eLife.00102" spellcheck="false" autocomplete="off"><button type="submit">Open report</button></div>
    ${example ? html`<p class="hint">For example <a href="${workPath(example)}">${example.doi ?? example.workId}</a>.</p>` : ""}
  </form>
</section>
<section class="stats" aria-labelledby="stats-h">
  <h2 id="stats-h" class="visually-hidden">The index</h2>
  ${stat(fmt(s.ingestedArticles), "articles ingested")}
  ${stat(fmt(s.works), "works")}
  ${stat(fmt(s.statements), "citation statements")}
  ${stat(fmt(s.references), "references")}
  ${stat(`${Math.round(s.resolvedShare * 100)}%`, "references resolved to a DOI")}
  <div class="stat">${tallyChips(s.tallies)}<span class="what">supporting · mentioning · contrasting</span></div>
</section>
<div class="two">
${list("Most supported", "top-supported", d.mostSupported, "No supporting statements yet.")}
${list("Most contrasted", "top-contrasted", d.mostContrasted, "No contrasting statements yet.")}
</div>
${list("Most cited in the index", "top-cited", d.mostCited, "No citation statements yet: ingest some articles.")}
</div>`;
}
