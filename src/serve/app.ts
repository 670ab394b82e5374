/**
 * The Citelens web app and JSON API as one Hono app, built from a `StoreReader`. Pages are
 * server-rendered HTML (they work without JavaScript); the API lives under `/api`.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import type { ReportQuery, StoreReader, WorkView } from "../core/report.js";
import { problem, problemResponse } from "./api/problem.js";
import { apiRoutes } from "./api/routes.js";
import { badgeSvg } from "./badge/badge.js";
import { type CacheOptions, ResponseCache } from "./cache.js";
import { citeFileName, citeFormat } from "./cite/index.js";
import type { Html } from "./html.js";
import { errorBody } from "./pages/error.js";
import { homeBody } from "./pages/home.js";
import { layout } from "./pages/layout.js";
import { reportBody } from "./pages/report.js";
import { searchBody } from "./pages/search.js";
import { DEFAULT_REPORT_PAGE_SIZE, isFiltered, parseReportQuery, parseSearchQuery } from "./query.js";
import { type SecurityVariables, securityHeaders } from "./security.js";
import { loadAssets } from "./static.js";
import { summarize } from "./summary/summary.js";
import { decodePathPart, lookupWork, workKey, workPath } from "./work-ref.js";

type Env = { Variables: SecurityVariables };
const ZERO = { supporting: 0, mentioning: 0, contrasting: 0 };
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#14263d"/><path d="M7 21c0-5 2-8 6-10l1 2c-2 1-3 3-3 4h3v6H7zm11 0c0-5 2-8 6-10l1 2c-2 1-3 3-3 4h3v6h-7z" fill="#8fc1ff"/></svg>';

/** Options of the app. */
export interface AppOptions {
  /** Where unexpected errors are reported (default: stderr). */
  readonly logError?: (error: unknown) => void;
  /**
   * Caches GET responses while the data version is unchanged (see cache.ts); absent: no cache. The CLI
   * passes the database files' size and mtime as the version.
   */
  readonly cache?: CacheOptions;
}

/** Builds the app. `app.fetch` serves it; `app.request()` tests it in process. */
export function createApp(reader: StoreReader, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const assets = loadAssets();
  const logError = options.logError ?? ((e: unknown) => console.error(e));

  const page = (c: Context<Env>, status: number, title: string, body: Html, searchText?: string) =>
    c.html(
      layout({
        title,
        nonce: c.get("nonce"),
        assets: { css: assets.css.url, js: assets.js.url },
        body,
        ...(searchText !== undefined ? { searchText } : {}),
      }),
      status as 200,
    );
  const errorPage = (c: Context<Env>, status: number, title: string, detail: string) =>
    page(c, status, title, errorBody(status, title, detail));

  app.use("*", securityHeaders());

  if (options.cache) {
    const cache = new ResponseCache(options.cache);
    app.use("*", async (c, next) => {
      const path = c.req.path;
      if (c.req.method !== "GET" || path.startsWith("/static/") || path === "/lookup") return next();
      const key = c.req.url;
      const hit = cache.get(key, c.get("nonce"));
      if (hit) {
        hit.headers.set("x-cache", "hit");
        return hit;
      }
      await next();
      await cache.put(key, c.res, c.get("nonce"));
      c.res.headers.set("x-cache", "miss");
    });
  }

  for (const asset of [assets.css, assets.js]) {
    app.get(asset.url.split("?")[0] ?? "", (c) => {
      c.header("cache-control", "public, max-age=86400");
      c.header("etag", asset.etag);
      if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
      return c.body(asset.body, 200, { "content-type": asset.mediaType });
    });
  }

  // The site icon (also answers the browser's own /favicon.ico request instead of a 404).
  const icon = (c: Context<Env>) =>
    c.body(FAVICON, 200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
  app.get("/favicon.svg", icon);
  app.get("/favicon.ico", icon);

  app.route("/api", apiRoutes(reader));

  app.get("/", async (c) => {
    const [stats, mostSupported, mostContrasted, mostCited] = await Promise.all([
      reader.stats(),
      reader.topWorks("supporting", 8),
      reader.topWorks("contrasting", 8),
      reader.topWorks("statements", 8),
    ]);
    return page(c, 200, "A smart citation index", homeBody({ stats, mostSupported, mostContrasted, mostCited }));
  });

  app.get("/lookup", async (c) => {
    const input = c.req.query("doi") ?? "";
    const found = await lookupWork(reader, input);
    if (found.kind === "found") return c.redirect(workPath(found.work), 303);
    if (found.kind === "malformed")
      return errorPage(
        c,
        400,
        "That is not a DOI",
        `“${input}” is neither a DOI (10.NNNN/...) nor a Citelens work id.`,
      );
    return errorPage(
      c,
      404,
      "Not in this index",
      `No ingested article cites ${found.key}, and it was not ingested itself.`,
    );
  });

  app.get("/search", async (c) => {
    const params = new URL(c.req.url).searchParams;
    if ((params.get("q") ?? "").trim() === "")
      return page(c, 200, "Search", searchBody({ params, result: null, errors: [] }));
    const parsed = parseSearchQuery(params);
    if (!parsed.ok)
      return page(c, 400, "Search", searchBody({ params, result: null, errors: parsed.errors }), params.get("q") ?? "");
    const result = await reader.search(parsed.value);
    return page(c, 200, `Search: ${parsed.value.q}`, searchBody({ params, result, errors: [] }), parsed.value.q);
  });

  app.get("/badge/*", async (c) => {
    const path = new URL(c.req.url).pathname;
    const key = decodePathPart(path.slice("/badge/".length)).replace(/\.svg$/, "");
    const found = await lookupWork(reader, key);
    if (found.kind === "malformed")
      return problemResponse(problem("malformed-doi", `"${found.input}" is not a DOI or work id.`, { instance: path }));
    if (found.kind === "unknown")
      return problemResponse(problem("unknown-work", `No work ${found.key} is in this index.`, { instance: path }));
    const t = (await reader.tallies([found.work.workId])).get(found.work.workId) ?? ZERO;
    return c.body(badgeSvg(t), 200, {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    });
  });

  app.get("/works/*", async (c) => {
    const url = new URL(c.req.url);
    let key = decodePathPart(url.pathname.slice("/works/".length)).replace(/\/+$/, "");
    const cite = /\/cite\.([a-z]+)$/.exec(key);
    if (cite) key = key.slice(0, cite.index);
    const found = await lookupWork(reader, key);
    if (found.kind === "malformed")
      return errorPage(
        c,
        400,
        "That is not a DOI",
        `“${found.input}” is neither a DOI (10.NNNN/...) nor a Citelens work id.`,
      );
    if (found.kind === "unknown")
      return errorPage(
        c,
        404,
        "Not in this index",
        `No ingested article cites ${found.key}, and it was not ingested itself.`,
      );
    const work = found.work;
    if (cite) {
      const format = citeFormat(cite[1] ?? "");
      if (format === undefined)
        return errorPage(c, 404, "No such format", "Exports: cite.bib, cite.ris, cite.json, cite.txt.");
      return c.body(format.render(work), 200, {
        "content-type": format.mediaType,
        "content-disposition": `attachment; filename="${citeFileName(work, format.ext)}"`,
      });
    }
    if (key !== workKey(work)) return c.redirect(`${workPath(work)}${url.search}`, 301);
    const parsed = parseReportQuery(url.searchParams);
    if (!parsed.ok) return errorPage(c, 400, "Bad filters", parsed.errors.join("; "));
    return reportPage(c, work, parsed.value, url);
  });

  async function reportPage(c: Context<Env>, work: WorkView, query: ReportQuery, url: URL) {
    const id = work.workId;
    const q: ReportQuery = { pageSize: DEFAULT_REPORT_PAGE_SIZE, ...query };
    const report = await reader.report(id, q);
    if (report === null) return errorPage(c, 404, "Not in this index", `No work ${workKey(work)} is in this index.`);
    const [overall, supporting, contrasting, references] = await Promise.all([
      isFiltered(q) ? reader.report(id, { pageSize: 1 }) : Promise.resolve(report),
      report.tallies.supporting > 0
        ? reader.report(id, { stance: ["supporting"], pageSize: 3 })
        : Promise.resolve(null),
      report.tallies.contrasting > 0
        ? reader.report(id, { stance: ["contrasting"], pageSize: 3 })
        : Promise.resolve(null),
      reader.references(id),
    ]);
    const summary = summarize({
      overall: overall ?? report,
      supporting: supporting?.statements ?? [],
      contrasting: contrasting?.statements ?? [],
    });
    const body = reportBody({ report, references, summary, params: url.searchParams, origin: url.origin });
    return page(c, 200, work.title ?? workKey(work), body);
  }

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) return problemResponse(problem("not-found", `Nothing at ${c.req.path}.`));
    return errorPage(c, 404, "Page not found", `Nothing lives at ${c.req.path}.`);
  });

  app.onError((error, c) => {
    logError(error);
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/badge/"))
      return problemResponse(problem("internal-error", "Something went wrong on the server; it has been logged."));
    return errorPage(
      c,
      500,
      "Something went wrong",
      "The server failed to build this page; the error has been logged.",
    );
  });

  return app;
}
