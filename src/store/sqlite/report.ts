/** The report for one work (see StoreReader.report and the Report document). */
import type { WorkId } from "../../core/ids.js";
import type { Report, ReportOrder, ReportQuery } from "../../core/report.js";
import { fastMatching, isDefaultQuery, matching } from "./matching.js";
import { toTallies, toWorkView } from "./rows.js";
import type { Sql } from "./sql.js";
import { scorer } from "./text-score.js";
import { workByWorkId } from "./works.js";

/** Groups per page when the query does not say. */
export const DEFAULT_PAGE_SIZE = 10;
/** The most groups one page may hold. */
export const MAX_PAGE_SIZE = 100;

interface StatsRow {
  supporting: number;
  mentioning: number;
  contrasting: number;
  statements: number;
  publications: number;
}

/** The report for `workId`, or null when the work is unknown. */
export function report(sql: Sql, workId: WorkId, query: ReportQuery): Report | null {
  const work = workByWorkId(sql, workId);
  if (work === undefined) return null;
  const stats = sql.get<StatsRow>("SELECT * FROM work_stats WHERE work = ?", [work.rid]);
  const referenceCount =
    sql.get<{ n: number }>("SELECT count(DISTINCT cited) AS n FROM refs WHERE citing = ?", [work.rid])?.n ?? 0;
  const order: ReportOrder = query.order ?? "relevance";
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const q = query.q !== undefined && scorer(query.q) !== null ? query.q : null;
  const result = isDefaultQuery(query, q, order)
    ? fastMatching(
        sql,
        work.rid,
        { statements: stats?.statements ?? 0, publications: stats?.publications ?? 0 },
        page,
        pageSize,
      )
    : matching(sql, work.rid, query, q, order, page, pageSize);
  return {
    work: toWorkView(work),
    tallies: toTallies(stats),
    citingPublications: stats?.publications ?? 0,
    statementCount: stats?.statements ?? 0,
    referenceCount,
    statements: result.groups,
    facets: result.facets,
    page: {
      order,
      page,
      pageSize,
      matchingPublications: result.publications,
      matchingStatements: result.statements,
    },
  };
}
