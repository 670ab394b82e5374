import assert from "node:assert/strict";
import { test } from "node:test";
import type { Doi, WorkId } from "../../core/ids.js";
import type { WorkSummary } from "../../core/report.js";
import { apaText } from "./apa.js";
import { bibtex, bibtexEscape, citationKey } from "./bibtex.js";
import { cslItem } from "./csl.js";
import { initials } from "./names.js";
import { ris } from "./ris.js";

const work: WorkSummary = {
  workId: "w0123456789abcdef" as WorkId,
  doi: "10.7554/elife.00102" as Doi,
  title: "Cell types & {braces}: a 100% test",
  authors: [
    { surname: "Müller", given: "Anna Maria", orcid: null },
    { surname: "Lee", given: "Jean-Paul", orcid: null },
    { surname: "Ng", given: null, orcid: null },
  ],
  year: 2013,
  journal: "eLife",
  type: "research-article",
};

test("initials shortens given names, keeping hyphens", () => {
  assert.equal(initials("Anna Maria"), "A. M.");
  assert.equal(initials("Jean-Paul"), "J.-P.");
  assert.equal(initials("J. R."), "J. R.");
  assert.equal(initials(null), "");
});

test("apaText lists authors with an ampersand, year, title, journal and DOI URL", () => {
  assert.equal(
    apaText(work),
    "Müller, A. M., Lee, J.-P., & Ng. (2013). Cell types & {braces}: a 100% test. eLife. https://doi.org/10.7554/elife.00102",
  );
});

test("apaText puts the title first when there are no authors and says n.d. without a year", () => {
  assert.equal(
    apaText({ ...work, authors: [], year: null, doi: null }),
    "Cell types & {braces}: a 100% test. (n.d.). eLife.",
  );
});

test("bibtex escapes specials and writes an article entry with a stable key", () => {
  const b = bibtex(work);
  assert.match(b, /^@article\{muller2013cell,\n/);
  assert.match(b, /title = \{\{Cell types \\& \\\{braces\\\}: a 100\\% test\}\}/);
  assert.match(b, /author = \{Müller, Anna Maria and Lee, Jean-Paul and Ng\}/);
  assert.match(b, /doi = \{10.7554\/elife.00102\}/);
  assert.equal(bibtexEscape("a\\b"), "a\\textbackslash{}b");
  assert.equal(citationKey({ ...work, authors: [], title: null, year: null }), "anonwork");
});

test("ris writes one tag per line with CRLF and ends with ER", () => {
  const r = ris(work);
  assert.ok(r.startsWith("TY  - JOUR\r\nTI  - Cell types"));
  assert.match(r, /AU {2}- Lee, Jean-Paul\r\n/);
  assert.match(r, /DO {2}- 10.7554\/elife.00102\r\n/);
  assert.ok(r.endsWith("ER  - \r\n"));
});

test("cslItem gives a CSL-JSON article-journal item", () => {
  assert.deepEqual(cslItem(work), {
    id: "10.7554/elife.00102",
    type: "article-journal",
    title: work.title,
    author: [{ family: "Müller", given: "Anna Maria" }, { family: "Lee", given: "Jean-Paul" }, { family: "Ng" }],
    issued: { "date-parts": [[2013]] },
    "container-title": "eLife",
    DOI: "10.7554/elife.00102",
    URL: "https://doi.org/10.7554/elife.00102",
  });
});
