/** The OpenAPI 3.1 document of the JSON API (served at `/api/openapi.json`). */
import { SECTION_KINDS } from "../../core/document.js";
import { STANCES } from "../../core/statement.js";
import { VERSION } from "../../version.js";
import { MAX_PAGE_SIZE } from "../query.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const int = { type: "integer" };
const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const arr = (items: object) => ({ type: "array", items });
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
});

const doiParam = {
  name: "doi",
  in: "path",
  required: true,
  description:
    "A DOI in any common form (10.7554/eLife.00102, doi:..., https://doi.org/...), its slashes kept as they are, or a work id (w + 16 hex digits).",
  schema: str,
};
const listParam = (name: string, description: string, values?: readonly string[]) => ({
  name,
  in: "query",
  description,
  schema: arr(values ? { type: "string", enum: values } : str),
  style: "form",
  explode: true,
});
const filterParams = [
  { name: "q", in: "query", description: "Full-text query (phrases in quotes, AND/OR/NOT).", schema: str },
  listParam("stance", "Citation type (repeat or comma-separate).", STANCES),
  listParam("section", "Paper section of the statement.", SECTION_KINDS),
  { name: "from", in: "query", description: "Earliest year of the citing publication.", schema: int },
  { name: "to", in: "query", description: "Latest year of the citing publication.", schema: int },
  { name: "page", in: "query", description: "1-based page.", schema: { type: "integer", minimum: 1 } },
  {
    name: "pageSize",
    in: "query",
    description: "Items per page.",
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
  },
];
const reportParams = [
  ...filterParams,
  listParam("type", "Publication type of the citing publication."),
  listParam("rel", "Relationship: self (shares an author with the cited work) or independent.", [
    "self",
    "independent",
  ]),
  listParam("author", 'Citing author as the authors facet shows it ("Surname, G.").'),
  listParam("journal", "Journal of the citing publication."),
  { name: "order", in: "query", schema: { type: "string", enum: ["relevance", "newest", "oldest"] } },
];
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: code === 404 ? "Unknown work" : code === 400 ? "Malformed DOI or bad parameters" : "Problem",
        content: { "application/problem+json": { schema: ref("Problem") } },
      },
    ]),
  );
const ok = (schema: object, description: string) => ({
  "200": { description, content: { "application/json": { schema } } },
});

/** Builds the document (cheap; built per request so it always matches the code). */
export function openApiDocument(): object {
  const person = obj({ surname: str, given: nullable(str), orcid: nullable(str) });
  const tallies = obj({ supporting: int, mentioning: int, contrasting: int });
  const workSummary = obj({
    workId: str,
    doi: nullable(str),
    title: nullable(str),
    authors: arr(ref("Person")),
    year: nullable(int),
    journal: nullable(str),
    type: nullable(str),
  });
  const facetCount = obj({ value: str, count: int });
  const facetList = arr(ref("FacetCount"));
  return {
    openapi: "3.1.0",
    info: {
      title: "Citelens API",
      version: VERSION,
      description:
        "Smart citation index: citation statements labeled supporting, mentioning or contrasting. DOIs go into paths as they are (slashes included). Errors are RFC 9457 problem details.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths: {
      "/api/works/{doi}": {
        get: {
          summary: "The report of a work (the same document as `citelens report --json`)",
          parameters: [doiParam, ...reportParams],
          responses: { ...ok(ref("Report"), "The report"), ...problems(400, 404) },
        },
      },
      "/api/works/{doi}/statements": {
        get: {
          summary: "The citation statements of a work, filtered, ordered and paged (grouped by citing publication)",
          parameters: [doiParam, ...reportParams],
          responses: {
            ...ok(
              obj({
                work: ref("WorkView"),
                page: ref("ReportPage"),
                facets: ref("Facets"),
                statements: arr(ref("CitingGroup")),
              }),
              "One page of statements",
            ),
            ...problems(400, 404),
          },
        },
      },
      "/api/search": {
        get: {
          summary: "Search citation statements across the index",
          parameters: [{ ...filterParams[0], required: true }, ...filterParams.slice(1)],
          responses: { ...ok(ref("SearchResult"), "Matching statements"), ...problems(400) },
        },
      },
      "/api/tallies/{doi}": {
        get: {
          summary: "The supporting / mentioning / contrasting tallies of a work",
          parameters: [doiParam],
          responses: {
            ...ok(obj({ workId: str, doi: nullable(str), tallies: ref("Tallies") }), "The tallies"),
            ...problems(400, 404),
          },
        },
      },
      "/api/tallies": {
        post: {
          summary: "Tallies of up to 1,000 works at once",
          requestBody: {
            required: true,
            content: { "application/json": { schema: obj({ dois: { ...arr(str), maxItems: 1000 } }) } },
          },
          responses: {
            ...ok(
              obj({
                results: arr(
                  obj({
                    input: str,
                    status: { type: "string", enum: ["found", "unknown", "malformed"] },
                    workId: nullable(str),
                    doi: nullable(str),
                    tallies: nullable(ref("Tallies")),
                  }),
                ),
              }),
              "One entry per DOI asked, in order",
            ),
            ...problems(400),
          },
        },
      },
      "/api/openapi.json": {
        get: { summary: "This document", responses: ok({ type: "object" }, "The OpenAPI document") },
      },
      "/badge/{doi}.svg": {
        get: {
          summary: "An SVG badge with the three tallies",
          parameters: [doiParam],
          responses: {
            "200": { description: "The badge", content: { "image/svg+xml": { schema: str } } },
            ...problems(400, 404),
          },
        },
      },
      "/works/{doi}/cite.{format}": {
        get: {
          summary: "The work's reference for reference managers",
          parameters: [
            doiParam,
            {
              name: "format",
              in: "path",
              required: true,
              schema: { type: "string", enum: ["bib", "ris", "json", "txt"] },
            },
          ],
          responses: { "200": { description: "BibTeX, RIS, CSL-JSON or APA text" }, ...problems(400, 404) },
        },
      },
    },
    components: {
      schemas: {
        Problem: obj({ type: str, title: str, status: int, detail: str, instance: str, errors: arr(str) }, [
          "type",
          "title",
          "status",
          "detail",
        ]),
        Person: person,
        Tallies: tallies,
        WorkSummary: workSummary,
        WorkView: {
          allOf: [
            ref("WorkSummary"),
            obj({ abstract: nullable(str), license: nullable(str), ingested: { type: "boolean" } }),
          ],
        },
        Statement: obj({
          id: str,
          citingWorkId: str,
          citedWorkId: str,
          refId: str,
          marker: str,
          sentence: str,
          before: str,
          after: str,
          markerStart: int,
          markerEnd: int,
          section: str,
          sectionKind: { type: "string", enum: SECTION_KINDS },
          paragraph: int,
          start: int,
          end: int,
          subArticle: nullable(str),
          stance: { type: "string", enum: STANCES },
          confidence: { type: "number" },
          intent: { type: "string", enum: ["background", "method", "result"] },
          intentConfidence: { type: "number" },
          cues: arr(str),
          selfCitation: { type: "boolean" },
        }),
        CitingGroup: obj({ citing: ref("WorkSummary"), statements: arr(ref("Statement")) }),
        FacetCount: facetCount,
        Facets: obj({
          sectionKind: facetList,
          stance: facetList,
          year: facetList,
          publicationType: facetList,
          relationship: facetList,
          authors: facetList,
          journals: facetList,
        }),
        ReportPage: obj({
          order: { type: "string", enum: ["relevance", "newest", "oldest"] },
          page: int,
          pageSize: int,
          matchingPublications: int,
          matchingStatements: int,
        }),
        Report: obj({
          work: ref("WorkView"),
          tallies: ref("Tallies"),
          citingPublications: int,
          statementCount: int,
          referenceCount: int,
          statements: arr(ref("CitingGroup")),
          facets: ref("Facets"),
          page: ref("ReportPage"),
        }),
        SearchResult: obj(
          {
            total: int,
            hits: arr(
              obj({ statement: ref("Statement"), snippet: str, citing: ref("WorkSummary"), cited: ref("WorkSummary") }),
            ),
            facets: obj({ stance: facetList, sectionKind: facetList, year: facetList }),
            page: int,
            pageSize: int,
            sampled: {
              type: "boolean",
              description:
                "True when total, facets and ranking cover a sample of the newest matches (total is a lower bound).",
            },
          },
          ["total", "hits", "facets", "page", "pageSize"],
        ),
      },
    },
  };
}
