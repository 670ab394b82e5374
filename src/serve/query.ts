/**
 * Query strings <-> `ReportQuery` / `SearchQuery`. One vocabulary for the pages and the API:
 * `q`, `stance`, `section`, `from`, `to`, `type`, `rel`, `author`, `journal`, `order`, `page`, `pageSize`.
 * List parameters repeat (`stance=supporting&stance=contrasting`) or take commas (authors and journals
 * only repeat, since names contain commas).
 */
import { SECTION_KINDS, type SectionKind } from "../core/document.js";
import type { Relationship, ReportOrder, ReportQuery, SearchQuery } from "../core/report.js";
import { STANCES, type Stance } from "../core/statement.js";

/** The largest page size a caller may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Citing publications per report page when the caller does not say. */
export const DEFAULT_REPORT_PAGE_SIZE = 10;
/** Search hits per page when the caller does not say. */
export const DEFAULT_SEARCH_PAGE_SIZE = 20;

const ORDERS: readonly ReportOrder[] = ["relevance", "newest", "oldest"];
const RELATIONSHIPS: readonly Relationship[] = ["self", "independent"];
const KNOWN = new Set([
  "q",
  "stance",
  "section",
  "from",
  "to",
  "type",
  "rel",
  "author",
  "journal",
  "order",
  "page",
  "pageSize",
]);

/** A parse that either gives a value or says, parameter by parameter, what was wrong. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses a report's filters, order and paging; unknown parameters and bad values are errors. */
export function parseReportQuery(params: URLSearchParams): Parsed<ReportQuery> {
  const errors: string[] = [];
  const out: Mutable<ReportQuery> = {};
  for (const key of new Set(params.keys())) if (!KNOWN.has(key)) errors.push(`unknown parameter "${key}"`);
  readCommon(params, out, errors);
  const type = many(params, "type", false);
  if (type.length > 0) out.publicationType = type;
  const rel = many(params, "rel", true);
  if (rel.length > 0) out.relationship = oneOf(rel, RELATIONSHIPS, "rel", errors);
  const author = many(params, "author", false);
  if (author.length > 0) out.author = author;
  const journal = many(params, "journal", false);
  if (journal.length > 0) out.journal = journal;
  const order = single(params, "order");
  if (order !== null && order !== "") {
    if ((ORDERS as readonly string[]).includes(order)) out.order = order as ReportOrder;
    else errors.push(`order must be one of ${ORDERS.join(", ")}`);
  }
  const pageSize = readInt(params, "pageSize", 1, MAX_PAGE_SIZE, errors);
  if (pageSize !== null) out.pageSize = pageSize;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/** Parses a global search; `q` is required (an empty query is an error). */
export function parseSearchQuery(params: URLSearchParams): Parsed<SearchQuery> {
  const errors: string[] = [];
  const allowed = new Set(["q", "stance", "section", "from", "to", "page", "pageSize"]);
  for (const key of new Set(params.keys())) if (!allowed.has(key)) errors.push(`unknown parameter "${key}"`);
  const partial: Mutable<ReportQuery> = {};
  readCommon(params, partial, errors);
  const q = partial.q ?? "";
  if (q === "") errors.push("q is required (the words to search for)");
  const pageSize = readInt(params, "pageSize", 1, MAX_PAGE_SIZE, errors);
  if (errors.length > 0) return { ok: false, errors };
  const value: Mutable<SearchQuery> = { q };
  if (partial.stance) value.stance = partial.stance;
  if (partial.sectionKind) value.sectionKind = partial.sectionKind;
  if (partial.yearFrom !== undefined) value.yearFrom = partial.yearFrom;
  if (partial.yearTo !== undefined) value.yearTo = partial.yearTo;
  if (partial.page !== undefined) value.page = partial.page;
  if (pageSize !== null) value.pageSize = pageSize;
  return { ok: true, value };
}

function readCommon(params: URLSearchParams, out: Mutable<ReportQuery>, errors: string[]): void {
  const q = single(params, "q")?.trim() ?? "";
  if (q.length > 500) errors.push("q is longer than 500 characters");
  else if (q !== "") out.q = q;
  const stance = many(params, "stance", true);
  if (stance.length > 0) out.stance = oneOf(stance, STANCES, "stance", errors) as Stance[];
  const section = many(params, "section", true);
  if (section.length > 0) out.sectionKind = oneOf(section, SECTION_KINDS, "section", errors) as SectionKind[];
  const from = readInt(params, "from", 1000, 3000, errors);
  if (from !== null) out.yearFrom = from;
  const to = readInt(params, "to", 1000, 3000, errors);
  if (to !== null) out.yearTo = to;
  if (from !== null && to !== null && from > to) errors.push("from must not be after to");
  const page = readInt(params, "page", 1, 100_000, errors);
  if (page !== null) out.page = page;
}

function single(params: URLSearchParams, key: string): string | null {
  const all = params.getAll(key);
  return all.length === 0 ? null : (all[all.length - 1] ?? null);
}

function many(params: URLSearchParams, key: string, commas: boolean): string[] {
  const values = params.getAll(key).flatMap((v) => (commas ? v.split(",") : [v]));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}

function oneOf<T extends string>(values: readonly string[], allowed: readonly T[], key: string, errors: string[]): T[] {
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0)
    errors.push(`${key} must be among ${allowed.join(", ")} (got ${bad.map((b) => JSON.stringify(b)).join(", ")})`);
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function readInt(params: URLSearchParams, key: string, min: number, max: number, errors: string[]): number | null {
  const v = single(params, key);
  if (v === null || v.trim() === "") return null;
  if (!/^\d+$/.test(v.trim())) {
    errors.push(`${key} must be a whole number`);
    return null;
  }
  const n = Number(v);
  if (n < min || n > max) {
    errors.push(`${key} must be between ${min} and ${max}`);
    return null;
  }
  return n;
}

/** Writes a report query back as query-string parameters (the inverse of `parseReportQuery`). */
export function reportQueryParams(query: ReportQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  for (const s of query.stance ?? []) p.append("stance", s);
  for (const s of query.sectionKind ?? []) p.append("section", s);
  if (query.yearFrom !== undefined) p.set("from", String(query.yearFrom));
  if (query.yearTo !== undefined) p.set("to", String(query.yearTo));
  for (const t of query.publicationType ?? []) p.append("type", t);
  for (const r of query.relationship ?? []) p.append("rel", r);
  for (const a of query.author ?? []) p.append("author", a);
  for (const j of query.journal ?? []) p.append("journal", j);
  if (query.order && query.order !== "relevance") p.set("order", query.order);
  if (query.page !== undefined && query.page > 1) p.set("page", String(query.page));
  if (query.pageSize !== undefined) p.set("pageSize", String(query.pageSize));
  return p;
}

/** The list-valued facet keys of a report query and their query-string names. */
export const FACET_PARAMS = {
  stance: "stance",
  sectionKind: "section",
  publicationType: "type",
  relationship: "rel",
  author: "author",
  journal: "journal",
} as const;

/** A list-valued facet of a report query. */
export type FacetKey = keyof typeof FACET_PARAMS;

/**
 * The query with one facet value switched on or off, back on page 1 (what a facet link points to).
 */
export function toggleFacet(query: ReportQuery, key: FacetKey, value: string): ReportQuery {
  const current = (query[key] ?? []) as readonly string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: Mutable<ReportQuery> = { ...query };
  delete out.page;
  if (next.length === 0) delete out[key];
  else (out as Record<string, unknown>)[key] = next;
  return out;
}

/** True when the query narrows the statements (any filter or text query). */
export function isFiltered(query: ReportQuery): boolean {
  return (
    Boolean(query.q) ||
    query.yearFrom !== undefined ||
    query.yearTo !== undefined ||
    (Object.keys(FACET_PARAMS) as FacetKey[]).some((k) => (query[k]?.length ?? 0) > 0)
  );
}
