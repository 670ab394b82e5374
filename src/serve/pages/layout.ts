/** The page shell: head, site header with the search box, main content, footer. */
import { type Html, html } from "../html.js";

/** What every page passes to the shell. */
export interface PageShell {
  readonly title: string;
  /** The per-request CSP nonce for the script tag. */
  readonly nonce: string;
  /** Versioned URLs of the stylesheet and the script. */
  readonly assets: { readonly css: string; readonly js: string };
  readonly body: Html;
  /** The search box's current text. */
  readonly searchText?: string;
  readonly description?: string;
}

/** A full HTML document. */
export function layout(p: PageShell): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · Citelens</title>
${p.description ? html`<meta name="description" content="${p.description}">` : ""}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${p.assets.css}">
<script src="${p.assets.js}" nonce="${p.nonce}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/" aria-label="Citelens home"><span class="brand-mark" aria-hidden="true">❝</span>Citelens</a>
  <form class="site-search" role="search" action="/search" method="get">
    <label for="site-q" class="visually-hidden">Search citation statements</label>
    <input id="site-q" name="q" type="search" placeholder="Search citation statements" value="${p.searchText ?? ""}">
    <button type="submit">Search</button>
  </form>
  <nav aria-label="Site"><a href="/search">Search</a> <a href="/api/openapi.json">API</a></nav>
</header>
<main id="main">
${p.body}
</main>
<footer class="site">Citelens, an open smart citation index. Labels are machine classifications with their confidence; read the statements.</footer>
</body>
</html>`}\n`;
}
