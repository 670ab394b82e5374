/** The facet sidebar: counts per value, each a link that narrows (or widens) the list; a year histogram. */
import type { FacetCount } from "../../core/report.js";
import { type Html, html } from "../html.js";
import { relationshipName, sectionName, stanceName, typeName } from "../labels.js";
import { plural } from "../plural.js";
import { hiddenInputs, setHref, toggleHref } from "./links.js";

/** One facet group: its heading, the query key and how values are shown. */
export interface FacetSpec {
  readonly title: string;
  readonly key: string;
  readonly counts: readonly FacetCount[];
  readonly display?: (value: string) => string;
  /** Values beyond this many go under "Show all". */
  readonly visible?: number;
  /** Adds the stance colour class to values. */
  readonly stanceColours?: boolean;
}

function facetItem(spec: FacetSpec, current: URLSearchParams, value: string, count: number | null): Html {
  const active = current.getAll(spec.key).includes(value);
  const name = spec.display ? spec.display(value) : value;
  return html`<li><a class="facet${active ? " active" : ""}${spec.stanceColours ? ` stance-${value}` : ""}" href="${toggleHref(current, spec.key, value)}" data-facet="${spec.key}" data-value="${value}"><span class="check" aria-hidden="true">${active ? "☑" : "☐"}</span> <span class="name">${name}</span> <span class="count">${count === null ? "" : count.toLocaleString("en-US")}</span>${active ? html`<span class="visually-hidden"> (selected; follow to remove)</span>` : ""}</a></li>`;
}

/** A facet group as a list of toggle links; selected values that no longer match still show, to undo them. */
export function facetGroup(spec: FacetSpec, current: URLSearchParams): Html {
  const counts = spec.counts.filter((c) => c.count > 0 || current.getAll(spec.key).includes(c.value));
  const shown = new Set(counts.map((c) => c.value));
  const stale = current.getAll(spec.key).filter((v) => !shown.has(v));
  if (counts.length === 0 && stale.length === 0) return html``;
  const visible = spec.visible ?? 8;
  const first = counts.slice(0, visible);
  const rest = counts.slice(visible);
  return html`<section class="facet-group" aria-labelledby="f-${spec.key}">
  <h3 id="f-${spec.key}">${spec.title}</h3>
  <ul>${first.map((c) => facetItem(spec, current, c.value, c.count))}${stale.map((v) => facetItem(spec, current, v, 0))}</ul>
  ${rest.length > 0 ? html`<details class="more"><summary>Show all ${counts.length}</summary><ul>${rest.map((c) => facetItem(spec, current, c.value, c.count))}</ul></details>` : ""}
</section>`;
}

/** The year counts with the years between the first and the last filled in as 0 (up to 120 years). */
export function fillYears(years: readonly FacetCount[]): FacetCount[] {
  const sorted = [...years].sort((a, b) => Number(a.value) - Number(b.value));
  const first = Number(sorted[0]?.value);
  const last = Number(sorted.at(-1)?.value);
  if (!(last - first < 120)) return sorted;
  const by = new Map(sorted.map((y) => [Number(y.value), y.count]));
  const out: FacetCount[] = [];
  for (let y = first; y <= last; y++) out.push({ value: String(y), count: by.get(y) ?? 0 });
  return out;
}

/** The year histogram (SVG bars, each a link to that year) and a from/to range form. */
export function yearFacet(years: readonly FacetCount[], current: URLSearchParams): Html {
  const ys = fillYears(years.filter((y) => /^\d{4}$/.test(y.value)));
  const max = Math.max(1, ...ys.map((y) => y.count));
  const barW = ys.length > 0 ? Math.max(6, Math.min(28, Math.floor(220 / ys.length))) : 0;
  const h = 60;
  const bars = ys.map((y, i) => {
    const bh = Math.max(y.count > 0 ? 2 : 0, Math.round((y.count / max) * h));
    const active = current.get("from") === y.value && current.get("to") === y.value;
    return html`<a href="${setHref(current, { from: y.value, to: y.value })}" aria-label="${y.value}: ${plural(y.count, "statement")}"><rect class="bar${active ? " active" : ""}" x="${i * barW + 1}" y="${h - bh}" width="${barW - 2}" height="${bh}"><title>${y.value}: ${plural(y.count, "statement")}</title></rect></a>`;
  });
  const first = ys[0]?.value ?? "";
  const last = ys.at(-1)?.value ?? "";
  const ranged = current.has("from") || current.has("to");
  return html`<section class="facet-group" aria-labelledby="f-year">
  <h3 id="f-year">Year published</h3>
  ${
    ys.length > 0
      ? html`<svg class="histogram" viewBox="0 0 ${ys.length * barW} ${h}" width="${ys.length * barW}" height="${h}" role="group" aria-label="Statements per year">${bars}</svg>
  <div class="hist-axis"><span>${first}</span><span>${last}</span></div>`
      : html`<p class="muted">No years.</p>`
  }
  <form class="year-range" method="get">
    ${hiddenInputs(current, ["from", "to"])}
    <label>From <input type="number" name="from" min="1000" max="3000" inputmode="numeric" value="${current.get("from") ?? ""}" placeholder="${first}"></label>
    <label>To <input type="number" name="to" min="1000" max="3000" inputmode="numeric" value="${current.get("to") ?? ""}" placeholder="${last}"></label>
    <button type="submit">Apply</button>
    ${ranged ? html`<a href="${setHref(current, { from: null, to: null })}">Any year</a>` : ""}
  </form>
</section>`;
}

/** Display functions per facet key. */
export const FACET_DISPLAY = {
  stance: stanceName,
  section: sectionName,
  type: typeName,
  rel: relationshipName,
} as const;
