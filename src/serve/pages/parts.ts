/** Small pieces shared by the pages: tallies, author lines, work metadata, labels. */
import type { Person } from "../../core/document.js";
import type { Tallies, WorkSummary } from "../../core/report.js";
import type { Stance } from "../../core/statement.js";
import { surnameInitials } from "../cite/names.js";
import { type Html, html, join } from "../html.js";
import { stanceName, typeName } from "../labels.js";
import { workPath } from "../work-ref.js";

const STANCE_ORDER: readonly Stance[] = ["supporting", "mentioning", "contrasting"];
const STANCE_ICON: Record<Stance, string> = { supporting: "✓", mentioning: "•", contrasting: "✗" };

/**
 * The three tallies as compact chips (0 shown as 0). With `hrefBase` each chip links to the work's
 * report filtered to that label.
 */
export function tallyChips(t: Tallies, hrefBase?: string): Html {
  return html`<span class="tallies-inline">${STANCE_ORDER.map((s) => {
    const label = html`<span class="icon" aria-hidden="true">${STANCE_ICON[s]}</span> ${t[s].toLocaleString("en-US")}<span class="visually-hidden"> ${s}</span>`;
    return hrefBase
      ? html`<a class="chip stance-${s}" href="${hrefBase}?stance=${s}" title="${t[s]} ${s}">${label}</a>`
      : html`<span class="chip stance-${s}" title="${t[s]} ${s}">${label}</span>`;
  })}</span>`;
}

/** The label of a statement as a chip with its word and confidence, e.g. "✓ Supporting 87%". */
export function stanceChip(stance: Stance, confidence: number): Html {
  return html`<span class="label stance-${stance}"><span class="icon" aria-hidden="true">${STANCE_ICON[stance]}</span> ${stanceName(stance)} <span class="conf">${Math.round(confidence * 100)}%</span></span>`;
}

/** "Surname, G., Other, H., ... and N more" (the first `max` authors). */
export function authorLine(authors: readonly Person[], max = 3): string {
  if (authors.length === 0) return "";
  const names = authors.slice(0, max).map(surnameInitials);
  const rest = authors.length - names.length;
  return rest > 0 ? `${names.join(", ")} and ${rest} more` : names.join(", ");
}

/** A work's title linked to its report, then authors, year, journal, type and DOI link. */
export function workLine(w: WorkSummary, options: { readonly titleTag?: "h3" | "span" } = {}): Html {
  const title = html`<a href="${workPath(w)}">${w.title ?? "Untitled work"}</a>`;
  const meta = [
    authorLine(w.authors),
    w.year !== null ? String(w.year) : "",
    w.journal ?? "",
    w.type ? typeName(w.type) : "",
  ].filter((s) => s !== "");
  return html`${options.titleTag === "h3" ? html`<h3 class="work-title">${title}</h3>` : html`<span class="work-title">${title}</span>`}
<span class="work-meta">${join(meta, " · ")}${w.doi ? html` · <a class="doi" href="https://doi.org/${w.doi}" rel="noopener">doi:${w.doi}</a>` : ""}</span>`;
}
