/** Links that change one thing of the current query string (facet toggles, order, paging). */
import { type Html, html } from "../html.js";

/** `?query` with one list value switched on or off and paging reset. */
export function toggleHref(current: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams();
  let had = false;
  for (const [k, v] of current) {
    if (k === "page") continue;
    if (k === key && v === value) had = true;
    else next.append(k, v);
  }
  if (!had) next.append(key, value);
  return `?${next.toString()}`;
}

/** `?query` with single-valued keys set (or removed when the value is null) and paging reset. */
export function setHref(current: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams();
  for (const [k, v] of current) if (k !== "page" && !(k in changes)) next.append(k, v);
  for (const [k, v] of Object.entries(changes)) if (v !== null) next.set(k, v);
  return `?${next.toString()}`;
}

/** `?query` on another page. */
export function pageHref(current: URLSearchParams, page: number): string {
  const next = new URLSearchParams(current);
  if (page <= 1) next.delete("page");
  else next.set("page", String(page));
  return `?${next.toString()}`;
}

/** Hidden inputs that carry the current query through a form, except the keys the form sets itself. */
export function hiddenInputs(current: URLSearchParams, except: readonly string[]): Html {
  const items: Html[] = [];
  for (const [k, v] of current)
    if (!except.includes(k) && k !== "page") items.push(html`<input type="hidden" name="${k}" value="${v}">`);
  return html`${items}`;
}

/** Previous / next links with "Page p of n". */
export function pager(current: URLSearchParams, page: number, pages: number): Html {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? html`<a rel="prev" href="${pageHref(current, page - 1)}">← Previous</a>` : html`<span class="disabled">← Previous</span>`}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? html`<a rel="next" href="${pageHref(current, page + 1)}">Next →</a>` : html`<span class="disabled">Next →</span>`}
</nav>`;
}
