/**
 * Keeping `work_facets` exact: per cited work, statement counts by stance, section kind, relationship and
 * the citing work's year, type and journal. Like work_stats it changes by deltas: an article's statements
 * move in and out with the citing work's metadata as it was when they were counted.
 */
import type { Sql } from "./sql.js";

/** The citing-work columns of a cube cell (unknown year 0, unknown type or journal ''). */
export interface CitingMeta {
  readonly year: number;
  readonly type: string;
  readonly journal: string;
}

/** The cube metadata of a stored work row. */
export function metaOf(row: { year: number | null; type: string | null; journal: string | null }): CitingMeta {
  return { year: row.year ?? 0, type: row.type ?? "", journal: row.journal ?? "" };
}

/** True when two metadata values put statements in different cells. */
export function sameMeta(a: CitingMeta, b: CitingMeta): boolean {
  return a.year === b.year && a.type === b.type && a.journal === b.journal;
}

/** Adds (sign 1) or removes (sign -1) the stored statements of citing work `citing`, counted under `meta`. */
export function applyCitingCells(sql: Sql, citing: number, meta: CitingMeta, sign: 1 | -1): void {
  sql.run(
    `INSERT INTO work_facets (work, stance, section_kind, self, year, type, journal, n)
     SELECT cited, stance, section_kind, self, ?, ?, ?, ? * count(*) FROM statements WHERE citing = ?
     GROUP BY cited, stance, section_kind, self
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    [meta.year, meta.type, meta.journal, sign, citing],
  );
  if (sign === -1) {
    sql.run(
      "DELETE FROM work_facets WHERE work IN (SELECT DISTINCT cited FROM statements WHERE citing = ?) AND n <= 0",
      [citing],
    );
  }
}

/** Moves a citing work's statements to new cells when its year, type or journal changed. */
export function moveCitingCells(sql: Sql, citing: number, from: CitingMeta, to: CitingMeta): void {
  if (sameMeta(from, to)) return;
  applyCitingCells(sql, citing, from, -1);
  applyCitingCells(sql, citing, to, 1);
}

/** Recomputes the cells of the given cited works from their statements (after a merge). */
export function recomputeCells(sql: Sql, works: Iterable<number>): void {
  for (const work of new Set(works)) {
    sql.run("DELETE FROM work_facets WHERE work = ?", [work]);
    sql.run(
      `INSERT INTO work_facets (work, stance, section_kind, self, year, type, journal, n)
       SELECT s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''),
         coalesce(w.journal, ''), count(*)
       FROM statements s JOIN works w ON w.rid = s.citing WHERE s.cited = ?
       GROUP BY s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''), coalesce(w.journal, '')`,
      [work],
    );
  }
}
