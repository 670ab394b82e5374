/** The report for one work (see StoreReader.report and the Report document). */
import type { WorkId } from "../../core/ids.js";
import type { CitingGroup, FacetCount, Facets, Report, ReportOrder, ReportQuery } from "../../core/report.js";
import { SECTION_KINDS } from "../../core/document.js";
import { STANCES } from "../../core/statement.js";
import { MENTIONING_CODE, sectionKindOf, stanceOf } from "./codes.js";
import { filterWhere } from "./filters.js";
import { loadGroups } from "./load.js";
import { toTallies, toWorkView } from "./rows.js";
import type { Sql } from "./sql.js";
import { TEXT_SCORE_FUNCTION } from "./text-function.js";
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
  const result = matching(sql, work.rid, query, q, order, page, pageSize);
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

interface Matching {
  groups: CitingGroup[];
  facets: Facets;
  publications: number;
  statements: number;
}

/** A row of the combined query: a facet count (f, v, c) or a page statement ('row', rid, group rank, rank). */
interface ResultRow {
  f: string;
  v: string | number | null;
  c: number;
  o: number | null;
}

/**
 * One statement computes the matching set once (materialized) and returns both the page of statements
 * and every facet count, so a report reads the work's statements once.
 */
function matching(
  sql: Sql,
  cited: number,
  query: ReportQuery,
  q: string | null,
  order: ReportOrder,
  page: number,
  pageSize: number,
): Matching {
  const where = filterWhere(query);
  const conditions = ["s.cited = ?", ...where.conditions];
  const score = q === null ? "0" : `${TEXT_SCORE_FUNCTION}(?, s.sentence)`;
  const scoreParams = q === null ? [] : [q];

  const relevance = `m.stance = ${MENTIONING_CODE}, m.confidence DESC, m.rid`;
  const tail = q !== null ? `m.score DESC, ${relevance}` : relevance;
  const orderBy =
    order === "newest"
      ? `m.year IS NULL, m.year DESC, ${tail}`
      : order === "oldest"
        ? `m.year IS NULL, m.year ASC, ${tail}`
        : tail;

  const rows = sql.all<ResultRow>(
    `WITH m0 AS MATERIALIZED (
       SELECT s.rid AS rid, s.citing AS citing, s.stance AS stance, s.section_kind AS section_kind, s.self AS self,
         s.confidence AS confidence, w.year AS year, w.type AS type, w.journal AS journal, ${score} AS score
       FROM statements s JOIN works w ON w.rid = s.citing WHERE ${conditions.join(" AND ")}),
     m AS MATERIALIZED (SELECT * FROM m0 WHERE score IS NOT NULL),
     r AS (SELECT rid, citing, row_number() OVER (ORDER BY ${orderBy}) AS rn FROM m),
     g AS (SELECT citing, min(rn) AS grn FROM r GROUP BY citing),
     p AS (SELECT citing, grn FROM g ORDER BY grn LIMIT ? OFFSET ?)
     SELECT 'row' AS f, r.rid AS v, p.grn AS c, r.rn AS o FROM r JOIN p ON p.citing = r.citing
     UNION ALL SELECT 'n', NULL, count(*), NULL FROM m
     UNION ALL SELECT 'p', NULL, count(DISTINCT citing), NULL FROM m
     UNION ALL SELECT 'stance', stance, count(*), NULL FROM m GROUP BY stance
     UNION ALL SELECT 'section', section_kind, count(*), NULL FROM m GROUP BY section_kind
     UNION ALL SELECT 'self', self, count(*), NULL FROM m GROUP BY self
     UNION ALL SELECT 'year', year, count(*), NULL FROM m WHERE year IS NOT NULL GROUP BY year
     UNION ALL SELECT 'type', type, count(*), NULL FROM m WHERE type IS NOT NULL GROUP BY type
     UNION ALL SELECT * FROM (SELECT 'journal', journal, count(*) AS c, NULL FROM m WHERE journal IS NOT NULL
       GROUP BY journal ORDER BY c DESC, journal LIMIT 20)
     UNION ALL SELECT * FROM (SELECT 'author', a.name, sum(pc.n) AS c, NULL
       FROM (SELECT citing, count(*) AS n FROM m GROUP BY citing) pc CROSS JOIN authors a ON a.work = pc.citing
       GROUP BY a.name ORDER BY c DESC, a.name LIMIT 20)`,
    [...scoreParams, cited, ...where.params, pageSize, (page - 1) * pageSize],
  );
  const pageRows = rows
    .filter((r) => r.f === "row")
    .sort((a, b) => a.c - b.c || (a.o ?? 0) - (b.o ?? 0))
    .map((r) => Number(r.v));
  return { groups: loadGroups(sql, pageRows), ...facetsOf(rows) };
}

/** The facets and totals among the combined rows. */
function facetsOf(rows: readonly ResultRow[]): { facets: Facets; publications: number; statements: number } {
  const by = (f: string) => rows.filter((r) => r.f === f);
  const count = (f: string) => by(f)[0]?.c ?? 0;
  const stanceCounts = new Map(by("stance").map((r) => [stanceOf(Number(r.v)), r.c]));
  const sectionCounts = new Map(by("section").map((r) => [sectionKindOf(Number(r.v)), r.c]));
  const selfCounts = new Map(by("self").map((r) => [Number(r.v), r.c]));
  const desc = (list: readonly ResultRow[]): FacetCount[] =>
    list.map((r) => ({ value: String(r.v), count: r.c })).sort((a, b) => b.count - a.count || cmp(a.value, b.value));
  return {
    statements: count("n"),
    publications: count("p"),
    facets: {
      stance: STANCES.map((value) => ({ value, count: stanceCounts.get(value) ?? 0 })),
      sectionKind: SECTION_KINDS.filter((k) => sectionCounts.has(k)).map((value) => ({
        value,
        count: sectionCounts.get(value) ?? 0,
      })),
      year: by("year")
        .map((r) => ({ value: String(r.v), count: r.c }))
        .sort((a, b) => Number(a.value) - Number(b.value)),
      publicationType: desc(by("type")),
      relationship: [
        { value: "self", count: selfCounts.get(1) ?? 0 },
        { value: "independent", count: selfCounts.get(0) ?? 0 },
      ],
      authors: desc(by("author")),
      journals: desc(by("journal")),
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
