/**
 * Keeping `work_stats` exact. An article write subtracts what its old statements contributed and adds
 * what its new ones do (counted while they are inserted) (one citing publication per cited work per article), so the cost of a write is
 * proportional to the article, not to how often its references are cited. A merge recomputes.
 */
import { STANCES } from "../../core/statement.js";
import type { Sql } from "./sql.js";

const S = STANCES.indexOf("supporting");
const M = STANCES.indexOf("mentioning");
const C = STANCES.indexOf("contrasting");

const PER_CITED = `SELECT cited AS work,
  sum(stance = ${S}) AS supporting, sum(stance = ${M}) AS mentioning, sum(stance = ${C}) AS contrasting,
  count(*) AS statements, 1 AS publications
FROM statements WHERE citing = ? GROUP BY cited`;

/** One article's contribution to one cited work: stance counts (indexed by stance code). */
export interface Contribution {
  readonly stances: number[];
}

/** Adds an article's contributions (cited work rid -> stance counts; one publication each). */
export function addArticleTallies(sql: Sql, contributions: ReadonlyMap<number, Contribution>): void {
  for (const [work, c] of contributions) {
    const sup = c.stances[S] ?? 0;
    const men = c.stances[M] ?? 0;
    const con = c.stances[C] ?? 0;
    sql.run(
      `INSERT INTO work_stats (work, supporting, mentioning, contrasting, statements, publications)
       VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (work) DO UPDATE SET
         supporting = supporting + excluded.supporting, mentioning = mentioning + excluded.mentioning,
         contrasting = contrasting + excluded.contrasting, statements = statements + excluded.statements,
         publications = publications + 1`,
      [work, sup, men, con, sup + men + con],
    );
  }
}

/** Removes the contribution of the stored statements of citing work `citing`. */
export function removeArticleTallies(sql: Sql, citing: number): void {
  sql.run(
    `UPDATE work_stats SET
       supporting = work_stats.supporting - d.supporting, mentioning = work_stats.mentioning - d.mentioning,
       contrasting = work_stats.contrasting - d.contrasting, statements = work_stats.statements - d.statements,
       publications = work_stats.publications - d.publications
     FROM (${PER_CITED}) AS d WHERE work_stats.work = d.work`,
    [citing],
  );
  sql.run("DELETE FROM work_stats WHERE statements <= 0");
}

/** Recomputes the stats of the given works from their statements (after a merge). */
export function recomputeTallies(sql: Sql, works: Iterable<number>): void {
  for (const work of new Set(works)) {
    sql.run("DELETE FROM work_stats WHERE work = ?", [work]);
    sql.run(
      `INSERT INTO work_stats (work, supporting, mentioning, contrasting, statements, publications)
       SELECT cited, sum(stance = ${S}), sum(stance = ${M}), sum(stance = ${C}), count(*), count(DISTINCT citing)
       FROM statements WHERE cited = ? GROUP BY cited`,
      [work],
    );
  }
}
