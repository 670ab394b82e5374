import assert from "node:assert/strict";
import { test } from "node:test";
import { badgeEmbed, badgeSvg, badgeText } from "./badge.js";

test("badgeSvg shows the three tallies, zeros included, with a title for screen readers", () => {
  const svg = badgeSvg({ supporting: 3, mentioning: 0, contrasting: 12 });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(svg, /<title>Citelens: 3 supporting, 0 mentioning, 12 contrasting<\/title>/);
  assert.match(svg, />0 mentioning</);
  assert.match(svg, />12 contrasting</);
  assert.doesNotMatch(svg, /NaN|undefined/);
});

test("badgeEmbed links the badge to the report and escapes the URLs", () => {
  const t = { supporting: 1, mentioning: 2, contrasting: 0 };
  const e = badgeEmbed('http://h"x', "/works/10.1/a<b", "/badge/10.1/a<b.svg", t);
  assert.equal(
    e,
    `<a href="http://h&quot;x/works/10.1/a&lt;b"><img src="http://h&quot;x/badge/10.1/a&lt;b.svg" alt="${badgeText(t)}" height="20"></a>`,
  );
});
