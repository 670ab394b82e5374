/**
 * How a report or a search restricts statements to a full-text query. Within one work the statements
 * are few, so each is probed in the index by rowid (`CROSS JOIN` keeps statements as the outer loop);
 * across a very cited work or the whole index the FTS match drives instead.
 */
import type { FtsQuery } from "./fts-query.js";

/** FROM/WHERE pieces for `statements s` restricted by a compiled query, with the rank expression. */
export interface TextMatch {
  /** Appended after `FROM statements s`. */
  readonly join: string;
  readonly joinParams: unknown[];
  readonly conditions: string[];
  readonly params: unknown[];
  /** bm25 rank of the statement (lower is better), or `0` without a query. */
  readonly rank: string;
}

/** The probe strategy pays off below this many candidate statements. */
export const PROBE_LIMIT = 5000;

/** The pieces for `query` (null: no full text); `probe` picks the per-statement probe. */
export function textMatch(query: FtsQuery | null, probe: boolean): TextMatch {
  const conditions: string[] = [];
  const params: unknown[] = [];
  let join = "";
  const joinParams: unknown[] = [];
  let rank = "0";
  if (query?.match != null) {
    if (probe) {
      join = "CROSS JOIN statements_fts f ON f.rowid = s.rid";
      conditions.push("f.statements_fts MATCH ?");
      params.push(query.match);
      rank = "f.rank";
    } else {
      join = "JOIN (SELECT rowid AS rid, rank FROM statements_fts WHERE statements_fts MATCH ?) f ON f.rid = s.rid";
      joinParams.push(query.match);
      rank = "f.rank";
    }
  }
  if (query?.exclude != null) {
    conditions.push("NOT EXISTS (SELECT 1 FROM statements_fts x WHERE x.rowid = s.rid AND x.statements_fts MATCH ?)");
    params.push(query.exclude);
  }
  return { join, joinParams, conditions, params, rank };
}

/** True when SQLite rejected a MATCH expression (the caller retries with plain quoted words). */
export function isFtsError(error: unknown): boolean {
  return error instanceof Error && /fts5|MATCH|unterminated|syntax error/i.test(error.message);
}
