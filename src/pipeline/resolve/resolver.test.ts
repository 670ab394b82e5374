import assert from "node:assert/strict";
import { test } from "node:test";
import type { Person, ReferenceEntry } from "../../core/document.js";
import { type Doi, normalizeDoi, workIdFromDoi } from "../../core/ids.js";
import { unresolvedKey } from "./reference.js";
import { Resolver } from "./resolver.js";

const person = (surname: string, given: string | null = null): Person => ({ surname, given, orcid: null });
function ref(over: Partial<ReferenceEntry>): ReferenceEntry {
  return {
    id: "bib1",
    raw: "Nissen P, Hansen J. 2000. The structural basis of ribosome activity in peptide bond synthesis. Science.",
    doi: null,
    pmid: null,
    title: "The structural basis of ribosome activity in peptide bond synthesis",
    authors: [person("Nissen", "P"), person("Hansen", "J")],
    year: 2000,
    source: "Science",
    volume: "289",
    pages: "920-930",
    publicationType: "journal",
    ...over,
  };
}
const doi = normalizeDoi("10.1126/science.289.5481.920") as Doi;

test("a reference with a DOI links to the DOI's work id with score 1", async () => {
  const r = await new Resolver().resolve(ref({ doi }));
  assert.equal(r.method, "doi");
  assert.equal(r.cited.workId, workIdFromDoi(doi));
  assert.equal(r.score, 1);
});

test("a reference without a DOI matches a work with a DOI seen earlier in the batch", async () => {
  const resolver = new Resolver();
  const known = await resolver.resolve(ref({ doi }));
  resolver.remember([known.cited]);
  const r = await resolver.resolve(
    ref({ title: "The structural basis of ribosome activity in peptide-bond synthesis." }),
  );
  assert.equal(r.method, "metadata");
  assert.equal(r.cited.workId, workIdFromDoi(doi));
  assert.equal(r.cited.doi, doi);
  assert.ok(r.score >= 0.85);
});

test("a reference without a DOI matches a work the store knows", async () => {
  const resolver = new Resolver(async (key) =>
    key === "structuralbasisribosomeactivitypeptidebondsynthesis"
      ? [
          {
            workId: workIdFromDoi(doi),
            doi,
            title: "x",
            titleKey: key,
            authors: [person("Nissen")],
            year: 2001,
            journal: null,
          },
        ]
      : [],
  );
  const r = await resolver.resolve(ref({}));
  assert.equal(r.method, "metadata");
  assert.equal(r.cited.workId, workIdFromDoi(doi));
});

test("the same title by another first author in another decade stays unresolved", async () => {
  const resolver = new Resolver();
  resolver.remember([(await resolver.resolve(ref({ doi }))).cited]);
  const r = await resolver.resolve(ref({ authors: [person("Smith", "A")], year: 1987 }));
  assert.equal(r.method, "unresolved");
  assert.notEqual(r.cited.workId, workIdFromDoi(doi));
});

test("an unresolved reference gets one stable id however its title is punctuated", async () => {
  const resolver = new Resolver();
  const a = await resolver.resolve(ref({ id: "bib1" }));
  const b = await resolver.resolve(
    ref({ id: "r7", title: "The Structural Basis of Ribosome Activity in Peptide Bond Synthesis." }),
  );
  assert.equal(a.method, "unresolved");
  assert.equal(a.cited.workId, b.cited.workId);
  assert.equal(unresolvedKey(ref({})), "structuralbasisribosomeactivitypeptidebondsynthesis|nissen|2000");
});

test("a reference with no title gets an id from its raw text", async () => {
  const r = await new Resolver().resolve(ref({ title: null, source: null, raw: "Personal communication, J. Doe" }));
  assert.equal(r.method, "unresolved");
  assert.match(r.cited.workId, /^w[0-9a-f]{16}$/);
});
