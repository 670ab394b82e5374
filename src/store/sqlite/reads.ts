/** The smaller reads: references, bulk tallies, top works, corpus stats, sources, resolver candidates. */
import type { WorkId } from "../../core/ids.js";
import type { CorpusStats, ReferenceView, Tallies, WorkTallies } from "../../core/report.js";
import type { SourceRecord, WorkCandidate } from "../../core/store.js";
import { type TallyRow, toTallies, toWorkSummary, type WorkRow, workColumns } from "./rows.js";
import type { Sql } from "./sql.js";
import { toCandidate } from "./works.js";

/** The works `workId` cites, in reference-list order, each with its tallies. */
export function references(sql: Sql, workId: WorkId): ReferenceView[] {
  const rows = sql.all<WorkRow & TallyRow & { ref_id: string; raw: string }>(
    `SELECT r.ref_id AS ref_id, r.raw AS raw, ${workColumns("w")}, t.supporting AS supporting,
       t.mentioning AS mentioning, t.contrasting AS contrasting
     FROM works c JOIN refs r ON r.citing = c.rid JOIN works w ON w.rid = r.cited LEFT JOIN work_stats t ON t.work = w.rid
     WHERE c.work_id = ? ORDER BY r.position`,
    [workId],
  );
  return rows.map((r) => ({ refId: r.ref_id, raw: r.raw, work: toWorkSummary(r), tallies: toTallies(r) }));
}

/** Tallies of many works; unknown ids are absent, known works nobody cites have zeros. */
export function tallies(sql: Sql, workIds: readonly WorkId[]): Map<WorkId, Tallies> {
  const rows = sql.all<TallyRow & { work_id: string }>(
    `SELECT w.work_id AS work_id, t.supporting AS supporting, t.mentioning AS mentioning, t.contrasting AS contrasting
     FROM json_each(?) j CROSS JOIN works w ON w.work_id = j.value LEFT JOIN work_stats t ON t.work = w.rid`,
    [JSON.stringify([...new Set(workIds)])],
  );
  return new Map(rows.map((r) => [r.work_id as WorkId, toTallies(r)]));
}

/** Works ordered by one tally, most first (works with none of it are left out). */
export function topWorks(sql: Sql, by: "supporting" | "contrasting" | "statements", limit: number): WorkTallies[] {
  const column = { supporting: "supporting", contrasting: "contrasting", statements: "statements" }[by];
  const rows = sql.all<WorkRow & TallyRow>(
    `SELECT ${workColumns("w")}, t.supporting AS supporting, t.mentioning AS mentioning, t.contrasting AS contrasting
     FROM work_stats t JOIN works w ON w.rid = t.work WHERE t.${column} > 0
     ORDER BY t.${column} DESC, w.rid LIMIT ?`,
    [Math.max(0, Math.floor(limit))],
  );
  return rows.map((r) => ({ work: toWorkSummary(r), tallies: toTallies(r) }));
}

/** Counts over the whole index. */
export function stats(sql: Sql): CorpusStats {
  const w = sql.get<{ works: number; ingested: number }>(
    "SELECT count(*) AS works, (SELECT count(*) FROM works WHERE ingested = 1) AS ingested FROM works",
  );
  const t = sql.get<TallyRow & { statements: number | null }>(
    `SELECT sum(supporting) AS supporting, sum(mentioning) AS mentioning, sum(contrasting) AS contrasting,
       sum(statements) AS statements FROM work_stats`,
  );
  const r = sql.get<{ refs: number; resolved: number | null }>(
    `SELECT count(*) AS refs, sum(w.doi IS NOT NULL) AS resolved FROM refs r JOIN works w ON w.rid = r.cited`,
  );
  const refs = r?.refs ?? 0;
  return {
    works: w?.works ?? 0,
    ingestedArticles: w?.ingested ?? 0,
    statements: t?.statements ?? 0,
    references: refs,
    resolvedShare: refs === 0 ? 0 : (r?.resolved ?? 0) / refs,
    tallies: toTallies(t),
  };
}

/** What the store remembers of a source path. */
export function source(sql: Sql, path: string): SourceRecord | null {
  const row = sql.get<{
    path: string;
    content_hash: string;
    parser: string;
    extractor: string;
    resolver: string;
    classifier: string;
    status: "ok" | "failed";
    work_id: string | null;
  }>(
    `SELECT s.path AS path, s.content_hash AS content_hash, s.parser AS parser, s.extractor AS extractor,
       s.resolver AS resolver, s.classifier AS classifier, s.status AS status, w.work_id AS work_id
     FROM sources s LEFT JOIN works w ON w.rid = s.work WHERE s.path = ?`,
    [path],
  );
  if (row === undefined) return null;
  return {
    path: row.path,
    contentHash: row.content_hash,
    versions: { parser: row.parser, extractor: row.extractor, resolver: row.resolver, classifier: row.classifier },
    status: row.status,
    workId: row.status === "ok" ? (row.work_id as WorkId | null) : null,
  };
}

/** Works whose title key is `titleKey`. */
export function worksByTitleKey(sql: Sql, titleKey: string): WorkCandidate[] {
  return sql
    .all<WorkRow>(`SELECT ${workColumns("w")} FROM works w WHERE w.title_key = ? ORDER BY w.rid`, [titleKey])
    .map(toCandidate);
}

/** Works without a DOI that are cited but not ingested. */
export function unresolvedWorks(sql: Sql): WorkCandidate[] {
  return sql
    .all<WorkRow>(
      `SELECT ${workColumns("w")} FROM works w WHERE w.doi IS NULL AND w.ingested = 0
         AND (EXISTS (SELECT 1 FROM refs r WHERE r.cited = w.rid) OR EXISTS (SELECT 1 FROM statements s WHERE s.cited = w.rid))
       ORDER BY w.rid`,
    )
    .map(toCandidate);
}
