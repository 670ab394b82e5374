/** Property tests of DOI normalization (normalizeDoi in src/core/ids.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type Doi, normalizeDoi, workIdFromDoi } from "../../src/core/ids.js";

/** A plausible DOI: registrant prefix and a suffix of the characters real DOIs use. */
const suffixChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/()".split(""));
const doiArb = fc
  .tuple(
    fc.integer({ min: 1000, max: 999999999 }),
    fc.constantFrom("a", "B", "x", "7", "elife", "journal"),
    fc.array(suffixChar, { minLength: 1, maxLength: 24 }).map((cs) => cs.join("")),
  )
  .map(([reg, head, tail]) => `10.${reg}/${head}${tail}`)
  // A DOI whose own last character is punctuation cannot be told from a sentence end; exclude it.
  .filter((d) => !/[.,;:'"]$/.test(d) && !/[)\]]$/.test(d));

test("normalizeDoi is idempotent", () => {
  fc.assert(
    fc.property(doiArb, (d) => {
      const once = normalizeDoi(d);
      assert.notEqual(once, null);
      assert.equal(normalizeDoi(once), once);
    }),
  );
});

test("case, resolver prefixes, URL encoding and trailing punctuation map to one form", () => {
  const casing = fc.constantFrom(
    (d: string) => d,
    (d: string) => d.toUpperCase(),
  );
  const encoding = fc.constantFrom(
    (d: string) => d,
    (d: string) => encodeURIComponent(d),
  );
  const prefix = fc.constantFrom("", "https://doi.org/", "http://dx.doi.org/", "doi:", "DOI: ", "info:doi/", "doi ");
  const trailing = fc.constantFrom("", ".", ",", ";", ":", ".,", "  ");
  fc.assert(
    fc.property(doiArb, casing, encoding, prefix, trailing, (d, c, e, p, t) => {
      const base = normalizeDoi(d);
      const written = ` ${p}${e(c(d))}${t}`;
      assert.equal(normalizeDoi(written), base, `${written} should normalize like ${d}`);
      assert.equal(workIdFromDoi(normalizeDoi(written) ?? (base as Doi)), workIdFromDoi(base as Doi));
    }),
  );
});

test("text that is not a DOI gives null", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 30 }), (s) => {
      fc.pre(!/10\.\d{4,9}\/\S/.test(s));
      assert.equal(normalizeDoi(s), null);
    }),
  );
});

test("a closing bracket that balances an opening one is kept", () => {
  assert.equal(normalizeDoi("10.1016/0092-8674(83)90134-9."), "10.1016/0092-8674(83)90134-9");
  assert.equal(normalizeDoi("(doi:10.7554/eLife.00102)"), null);
  assert.equal(normalizeDoi("doi:10.7554/eLife.00102)"), "10.7554/elife.00102");
});
