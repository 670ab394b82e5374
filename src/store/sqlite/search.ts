/** Global statement search (see StoreReader.search). */
import type { FacetCount, SearchHit, SearchQuery, SearchResult } from "../../core/report.js";
import { SECTION_KINDS } from "../../core/document.js";
import { STANCES } from "../../core/statement.js";
import { sectionKindOf, stanceOf } from "./codes.js";
import { filterWhere } from "./filters.js";
import { compileQuery, type FtsQuery, quoteTerms } from "./fts-query.js";
import { loadStatements } from "./load.js";
import { MAX_PAGE_SIZE } from "./report.js";
import type { Sql } from "./sql.js";

/** Hits per page when the query does not say. */
export const DEFAULT_SEARCH_PAGE_SIZE = 20;

/**
 * Searches every statement sentence. A query that requires nothing (empty, or only exclusions) finds
 * nothing: a global search needs at least one word or phrase.
 */
export function search(sql: Sql, query: SearchQuery): SearchResult {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_SEARCH_PAGE_SIZE)));
  let compiled = compileQuery(query.q);
  try {
    return run(sql, query, compiled, page, pageSize);
  } catch (error) {
    if (!isFtsError(error)) throw error;
    compiled = { match: quoteTerms(query.q), exclude: null };
    return run(sql, query, compiled, page, pageSize);
  }
}

function run(sql: Sql, query: SearchQuery, fts: FtsQuery, page: number, pageSize: number): SearchResult {
  const empty: SearchResult = {
    total: 0,
    hits: [],
    facets: { stance: STANCES.map((value) => ({ value, count: 0 })), sectionKind: [], year: [] },
    page,
    pageSize,
  };
  if (fts.match === null) return empty;
  const where = filterWhere({
    ...(query.stance ? { stance: query.stance } : {}),
    ...(query.sectionKind ? { sectionKind: query.sectionKind } : {}),
    ...(query.yearFrom !== undefined ? { yearFrom: query.yearFrom } : {}),
    ...(query.yearTo !== undefined ? { yearTo: query.yearTo } : {}),
  });
  const conditions = ["f.statements_fts MATCH ?", ...where.conditions];
  const params: unknown[] = [fts.match, ...where.params];
  if (fts.exclude !== null) {
    conditions.push("NOT EXISTS (SELECT 1 FROM statements_fts x WHERE x.rowid = s.rid AND x.statements_fts MATCH ?)");
    params.push(fts.exclude);
  }
  // Bounded work: count the matches up to searchSample + 1 in rowid order (cheap inside FTS5); beyond
  // that, rank, count and facet only the newest searchSample matches (an FTS5 rowid range).
  const head = sql.get<{ n: number; lo: number | null }>(
    `SELECT count(*) AS n, min(rowid) AS lo FROM
       (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    [fts.match, sql.searchSample + 1],
  );
  const sampled = (head?.n ?? 0) > sql.searchSample;
  if (sampled) {
    conditions.push("f.rowid > ?");
    params.push(head?.lo ?? 0);
  }
  const from = `statements_fts f JOIN statements s ON s.rid = f.rowid JOIN works w ON w.rid = s.citing
    WHERE ${conditions.join(" AND ")}`;

  // Rank first, highlight after: SQLite computes every result column before sorting, so a highlight in
  // the ranked query would run for every match instead of the page.
  const ranked = sql.all<{ rid: number }>(`SELECT s.rid AS rid FROM ${from} ORDER BY f.rank, s.rid LIMIT ? OFFSET ?`, [
    ...params,
    pageSize,
    (page - 1) * pageSize,
  ]);
  const rows = ranked.map((r) => ({
    rid: r.rid,
    snippet:
      sql.get<{ h: string }>(
        "SELECT highlight(statements_fts, 0, char(1), char(2)) AS h FROM statements_fts WHERE statements_fts MATCH ? AND rowid = ?",
        [fts.match, r.rid],
      )?.h ?? null,
  }));
  const counts = sql.all<{ f: string; v: number | null; c: number }>(
    `WITH m AS MATERIALIZED (SELECT s.stance AS stance, s.section_kind AS section_kind, w.year AS year FROM ${from})
     SELECT 'n' AS f, NULL AS v, count(*) AS c FROM m
     UNION ALL SELECT 'stance', stance, count(*) FROM m GROUP BY stance
     UNION ALL SELECT 'section', section_kind, count(*) FROM m GROUP BY section_kind
     UNION ALL SELECT 'year', year, count(*) FROM m WHERE year IS NOT NULL GROUP BY year`,
    params,
  );

  const loaded = loadStatements(
    sql,
    rows.map((r) => r.rid),
  );
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const s = loaded.get(r.rid);
    if (s !== undefined) {
      hits.push({
        statement: s.statement,
        snippet: r.snippet ?? s.statement.sentence,
        citing: s.citing,
        cited: s.cited,
      });
    }
  }

  const by = (f: string) => counts.filter((r) => r.f === f);
  const stance = new Map(by("stance").map((r) => [stanceOf(Number(r.v)), r.c]));
  const section = new Map(by("section").map((r) => [sectionKindOf(Number(r.v)), r.c]));
  const year: FacetCount[] = by("year")
    .map((r) => ({ value: String(r.v), count: r.c }))
    .sort((a, b) => Number(a.value) - Number(b.value));
  return {
    total: by("n")[0]?.c ?? 0,
    hits,
    facets: {
      stance: STANCES.map((value) => ({ value, count: stance.get(value) ?? 0 })),
      sectionKind: SECTION_KINDS.filter((k) => section.has(k)).map((value) => ({
        value,
        count: section.get(value) ?? 0,
      })),
      year,
    },
    page,
    pageSize,
    ...(sampled ? { sampled: true } : {}),
  };
}

/** True when SQLite rejected a MATCH expression (the search retries with plain quoted words). */
function isFtsError(error: unknown): boolean {
  return error instanceof Error && /fts5|MATCH|unterminated|syntax error/i.test(error.message);
}
