/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is already `Html`
 * (the output of another template). Document text is untrusted, so escaping is the default, not a step.
 */

/** A fragment of HTML that is safe to insert as is. Made only by `html`, `raw` and `join`. */
export class Html {
  /** The markup. */
  constructor(readonly value: string) {}
  /** The markup, so a fragment can stand where a string is expected. */
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * Escapes text for HTML element content and for quoted attribute values.
 *
 * @example escapeHtml(`<a href="x">`) // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A value a template accepts: text (escaped), numbers, fragments, lists of them; null/false print nothing. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map((v) => render(v as HtmlValue)).join("");
  if (typeof value === "number") return String(value);
  return escapeHtml(value as string);
}

/**
 * The HTML template tag: interpolations are escaped, nested `html` fragments are kept.
 *
 * @example html`<p title="${t}">${body}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Trusted markup written by this module's callers (never document text). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Joins fragments with a separator (the separator is escaped when it is text). */
export function join(items: readonly HtmlValue[], separator: HtmlValue = ""): Html {
  const sep = render(separator);
  return new Html(items.map(render).join(sep));
}

/**
 * Escapes a search snippet whose matches are wrapped in `\u0001`...`\u0002` and turns the wraps into
 * `<mark>` elements (escaping first, so the marks are the only markup).
 */
export function highlightSnippet(snippet: string): Html {
  let out = escapeHtml(snippet);
  out = out.replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
  // Unbalanced wraps (a snippet cut in the middle) must not leave an open element.
  const opens = (out.match(/<mark>/g) ?? []).length;
  const closes = (out.match(/<\/mark>/g) ?? []).length;
  if (opens > closes) out += "</mark>".repeat(opens - closes);
  return new Html(out);
}
