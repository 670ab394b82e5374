/** Loading statements and works by row id for a page of results. */
import type { CitingGroup, StatementView, WorkSummary } from "../../core/report.js";
import {
  STATEMENT_COLUMNS,
  type StatementRow,
  toStatementView,
  toWorkSummary,
  type WorkRow,
  workColumns,
} from "./rows.js";
import type { Sql } from "./sql.js";

/** A loaded statement with its citing and cited works. */
export interface LoadedStatement {
  readonly statement: StatementView;
  readonly citing: WorkSummary;
  readonly cited: WorkSummary;
}

/** The statements of the given row ids with their works, keyed by row id (unknown ids are absent). */
export function loadStatements(sql: Sql, rids: readonly number[]): Map<number, LoadedStatement> {
  const out = new Map<number, LoadedStatement>();
  if (rids.length === 0) return out;
  const rows = sql.all<StatementRow & { citing_rid: number; cited_rid: number }>(
    `SELECT ${STATEMENT_COLUMNS}, s.citing AS citing_rid, s.cited AS cited_rid
     FROM json_each(?) j CROSS JOIN statements s ON s.rid = j.value
       JOIN works wc ON wc.rid = s.citing JOIN works wd ON wd.rid = s.cited`,
    [JSON.stringify(rids)],
  );
  const workRids = [...new Set(rows.flatMap((r) => [r.citing_rid, r.cited_rid]))];
  const works = new Map(
    sql
      .all<WorkRow>(`SELECT ${workColumns("w")} FROM json_each(?) j CROSS JOIN works w ON w.rid = j.value`, [
        JSON.stringify(workRids),
      ])
      .map((w) => [w.rid, toWorkSummary(w)]),
  );
  for (const r of rows) {
    const citing = works.get(r.citing_rid);
    const cited = works.get(r.cited_rid);
    if (citing !== undefined && cited !== undefined) out.set(r.rid, { statement: toStatementView(r), citing, cited });
  }
  return out;
}

/** Statements in the given order, grouped by citing work (groups in order of their first statement). */
export function loadGroups(sql: Sql, rids: readonly number[]): CitingGroup[] {
  const loaded = loadStatements(sql, rids);
  const groups: { citing: WorkSummary; statements: StatementView[] }[] = [];
  const index = new Map<string, number>();
  for (const rid of rids) {
    const s = loaded.get(rid);
    if (s === undefined) continue;
    let i = index.get(s.citing.workId);
    if (i === undefined) {
      i = groups.push({ citing: s.citing, statements: [] }) - 1;
      index.set(s.citing.workId, i);
    }
    groups[i]?.statements.push(s.statement);
  }
  return groups;
}
