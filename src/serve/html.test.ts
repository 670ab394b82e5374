import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { escapeHtml, highlightSnippet, html, join, raw } from "./html.js";

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, "`")
    .replace(/&amp;/g, "&");

test("escapeHtml leaves no markup or quote characters and round-trips", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      const e = escapeHtml(s);
      assert.doesNotMatch(e, /[<>"'`]/);
      assert.equal(unescape(e), s);
    }),
  );
});

test("html escapes interpolated text in content and attributes but keeps nested fragments", () => {
  const title = `"><script>alert(1)</script>`;
  const out = html`<a title="${title}">${title}</a>${html`<b>${"x&y"}</b>`}`.value;
  assert.equal(
    out,
    '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a><b>x&amp;y</b>',
  );
});

test("html prints numbers, skips null, undefined and false, and flattens arrays", () => {
  assert.equal(html`${1}${null}${undefined}${false}${["<", raw("<i>")]}`.value, "1&lt;<i>");
  assert.equal(join(["a", "<"], raw("<br>")).value, "a<br>&lt;");
});

test("highlightSnippet escapes the text and turns the match wraps into marks", () => {
  assert.equal(highlightSnippet("a \u0001<b>\u0002 c").value, "a <mark>&lt;b&gt;</mark> c");
  assert.equal(highlightSnippet("cut \u0001open").value, "cut <mark>open</mark>");
});
