/**
 * The JSON API: reports, statements, search, tallies (one and bulk), the OpenAPI document and the
 * problem type pages. Every failure is an RFC 9457 problem document.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import type { WorkId } from "../../core/ids.js";
import type { StoreReader, Tallies } from "../../core/report.js";
import { parseReportQuery, parseSearchQuery } from "../query.js";
import { decodePathPart, lookupWork, type WorkLookup } from "../work-ref.js";
import { openApiDocument } from "./openapi.js";
import { PROBLEM_TYPES, type ProblemType, problem, problemResponse } from "./problem.js";

/** The most DOIs one `POST /api/tallies` may ask for. */
export const MAX_BULK_DOIS = 1000;
/** The largest request body accepted, in bytes. */
const MAX_BODY_BYTES = 1 << 20;

/** One entry of a bulk tallies answer. */
export interface BulkTallyEntry {
  readonly input: string;
  readonly status: "found" | "unknown" | "malformed";
  readonly workId: WorkId | null;
  readonly doi: string | null;
  readonly tallies: Tallies | null;
}

function json(c: Context, body: unknown, status = 200): Response {
  c.header("access-control-allow-origin", "*");
  return c.json(body as object, status as 200);
}

/** The part of the URL path after `prefix`, decoded, or null when the path does not start with it. */
function rest(c: Context, prefix: string): string {
  const path = new URL(c.req.url).pathname;
  return decodePathPart(path.slice(path.indexOf(prefix) + prefix.length));
}

function lookupProblem(found: Exclude<WorkLookup, { kind: "found" }>, instance: string): Response {
  return found.kind === "malformed"
    ? problemResponse(
        problem("malformed-doi", `"${found.input}" is neither a DOI (10.NNNN/...) nor a work id (w + 16 hex digits).`, {
          instance,
        }),
      )
    : problemResponse(problem("unknown-work", `No work ${found.key} is in this index.`, { instance }));
}

/** Builds the API routes (mounted under `/api`). */
export function apiRoutes(reader: StoreReader): Hono {
  const api = new Hono();

  api.get("/openapi.json", (c) => json(c, openApiDocument()));

  api.get("/problems/:type", (c) => {
    const type = c.req.param("type") as ProblemType;
    const t = PROBLEM_TYPES[type];
    if (t === undefined) return problemResponse(problem("not-found", `No problem type "${type}".`));
    return json(c, { type: `/api/problems/${type}`, ...t });
  });

  api.get("/works/*", async (c) => {
    const instance = new URL(c.req.url).pathname;
    let key = rest(c, "/works/");
    const statementsOnly = key.endsWith("/statements");
    if (statementsOnly) key = key.slice(0, -"/statements".length);
    const parsed = parseReportQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok)
      return problemResponse(problem("bad-parameters", parsed.errors.join("; "), { instance, errors: parsed.errors }));
    const found = await lookupWork(reader, key);
    if (found.kind !== "found") return lookupProblem(found, instance);
    const report = await reader.report(found.work.workId, parsed.value);
    if (report === null)
      return problemResponse(problem("unknown-work", `No work ${key} is in this index.`, { instance }));
    if (!statementsOnly) return json(c, report);
    return json(c, { work: report.work, page: report.page, facets: report.facets, statements: report.statements });
  });

  api.get("/search", async (c) => {
    const instance = new URL(c.req.url).pathname;
    const parsed = parseSearchQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok)
      return problemResponse(problem("bad-parameters", parsed.errors.join("; "), { instance, errors: parsed.errors }));
    return json(c, await reader.search(parsed.value));
  });

  api.get("/tallies/*", async (c) => {
    const instance = new URL(c.req.url).pathname;
    const found = await lookupWork(reader, rest(c, "/tallies/"));
    if (found.kind !== "found") return lookupProblem(found, instance);
    const w = found.work;
    const t = (await reader.tallies([w.workId])).get(w.workId) ?? { supporting: 0, mentioning: 0, contrasting: 0 };
    return json(c, { workId: w.workId, doi: w.doi, tallies: t });
  });

  api.post("/tallies", async (c) => {
    const instance = new URL(c.req.url).pathname;
    const text = await c.req.text();
    if (text.length > MAX_BODY_BYTES)
      return problemResponse(problem("bad-body", `The body is over ${MAX_BODY_BYTES} bytes.`, { instance }));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return problemResponse(
        problem("bad-body", 'The body must be JSON: {"dois": ["10.xxxx/...", ...]}.', { instance }),
      );
    }
    const dois = (body as { dois?: unknown } | null)?.dois;
    if (!Array.isArray(dois) || !dois.every((d) => typeof d === "string"))
      return problemResponse(problem("bad-body", '"dois" must be an array of strings.', { instance }));
    if (dois.length > MAX_BULK_DOIS)
      return problemResponse(
        problem("bad-body", `At most ${MAX_BULK_DOIS} DOIs per request (got ${dois.length}).`, { instance }),
      );
    const lookups = await Promise.all((dois as string[]).map((d) => lookupWork(reader, d)));
    const ids = lookups.flatMap((l) => (l.kind === "found" ? [l.work.workId] : []));
    const tallies = await reader.tallies(ids);
    const results: BulkTallyEntry[] = lookups.map((l, i) => {
      const input = dois[i] as string;
      if (l.kind === "malformed") return { input, status: "malformed", workId: null, doi: null, tallies: null };
      if (l.kind === "unknown")
        return { input, status: "unknown", workId: null, doi: l.key.startsWith("10.") ? l.key : null, tallies: null };
      const t = tallies.get(l.work.workId) ?? { supporting: 0, mentioning: 0, contrasting: 0 };
      return { input, status: "found", workId: l.work.workId, doi: l.work.doi, tallies: t };
    });
    return json(c, { results });
  });

  api.all("*", (c) =>
    problemResponse(
      c.req.method === "GET" || c.req.method === "HEAD"
        ? problem("not-found", `No API endpoint at ${new URL(c.req.url).pathname}; see /api/openapi.json.`)
        : problem("method-not-allowed", `${c.req.method} is not allowed here; see /api/openapi.json.`),
    ),
  );
  return api;
}
