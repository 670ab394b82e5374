/** The HTML error page (400, 404, 500). */
import { type Html, html } from "../html.js";

/** An error page body: a heading, what happened, and where to go. */
export function errorBody(status: number, title: string, detail: string): Html {
  return html`<div class="error-page">
<p class="kicker">Error ${status}</p>
<h1>${title}</h1>
<p>${detail}</p>
<form class="big-search" method="get" action="/lookup">
  <label for="doi">Try another DOI or work id</label>
  <div class="row"><input id="doi" name="doi" type="text" required placeholder="10.7554/eLife.00102"><button type="submit">Open report</button></div>
</form>
<p><a href="/">Home</a> · <a href="/search">Search statements</a></p>
</div>`;
}
