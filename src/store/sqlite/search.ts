/** Global statement search (see StoreReader.search). */

import { SECTION_KINDS } from "../../core/document.js";
import type { FacetCount, SearchHit, SearchQuery, SearchResult } from "../../core/report.js";
import { STANCES } from "../../core/statement.js";
import { sectionKindOf, stanceOf } from "./codes.js";
import { filterWhere } from "./filters.js";
import { compileQuery, type FtsQuery, quoteTerms } from "./fts-query.js";
import { loadStatements } from "./load.js";
import { MAX_PAGE_SIZE } from "./report.js";
import type { Sql } from "./sql.js";
import { scorer } from "./text-score.js";

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
  // One pass through the FTS index: the newest matches, at most searchSample + 1, in rowid order
  // (cheap inside FTS5). More than searchSample: the search covers the newest searchSample only.
  const ids = (
    sql
      .prep("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT ?")
      .pluck()
      .all(fts.match, sql.searchSample + 1) as number[]
  ).slice();
  const sampled = ids.length > sql.searchSample;
  if (sampled) ids.pop();
  // Filters, facets and ranking over those rows, without evaluating the query in the index again.
  const candidates = sql.all<{
    rid: number;
    stance: number;
    section_kind: number;
    year: number | null;
    sentence: string;
  }>(
    `SELECT s.rid AS rid, s.stance AS stance, s.section_kind AS section_kind, w.year AS year, s.sentence AS sentence
     FROM json_each(?) j CROSS JOIN statements s ON s.rid = j.value JOIN works w ON w.rid = s.citing
     ${where.conditions.length > 0 ? `WHERE ${where.conditions.join(" AND ")}` : ""}`,
    [JSON.stringify(ids), ...where.params],
  );
  const score = scorer(query.q);
  const ranked = candidates
    .map((c) => ({ rid: c.rid, score: score?.(c.sentence) ?? 0 }))
    .sort((a, b) => b.score - a.score || b.rid - a.rid)
    .slice((page - 1) * pageSize, page * pageSize);
  const rows = ranked.map((r) => ({
    rid: r.rid,
    snippet:
      sql.get<{ h: string }>(
        "SELECT highlight(statements_fts, 0, char(1), char(2)) AS h FROM statements_fts WHERE statements_fts MATCH ? AND rowid = ?",
        [fts.match, r.rid],
      )?.h ?? null,
  }));
  const count = <K>(key: (c: (typeof candidates)[number]) => K | null): Map<K, number> => {
    const m = new Map<K, number>();
    for (const c of candidates) {
      const k = key(c);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };

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

  const stance = count((c) => stanceOf(c.stance));
  const section = count((c) => sectionKindOf(c.section_kind));
  const year: FacetCount[] = [...count((c) => c.year)]
    .sort((a, b) => a[0] - b[0])
    .map(([y, n]) => ({ value: String(y), count: n }));
  return {
    total: candidates.length,
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
