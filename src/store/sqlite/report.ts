/** The report for one work (see StoreReader.report and the Report document). */
import type { WorkId } from "../../core/ids.js";
import type { CitingGroup, FacetCount, Facets, Report, ReportOrder, ReportQuery } from "../../core/report.js";
import { SECTION_KINDS } from "../../core/document.js";
import { STANCES } from "../../core/statement.js";
import { MENTIONING_CODE, sectionKindOf, stanceOf } from "./codes.js";
import { filterWhere } from "./filters.js";
import { compileQuery, type FtsQuery, quoteTerms } from "./fts-query.js";
import { loadGroups } from "./load.js";
import { toTallies, toWorkView } from "./rows.js";
import type { Sql } from "./sql.js";
import { isFtsError, PROBE_LIMIT, textMatch } from "./text-match.js";
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
  const probe = (stats?.statements ?? 0) <= PROBE_LIMIT;

  const q = query.q?.trim() ? query.q : undefined;
  const run = (fts: FtsQuery | null) => matching(sql, work.rid, query, fts, probe, order, page, pageSize);
  let result: ReturnType<typeof run>;
  if (q === undefined) {
    result = run(null);
  } else {
    try {
      result = run(compileQuery(q));
    } catch (error) {
      if (!isFtsError(error)) throw error;
      result = run({ match: quoteTerms(q), exclude: null });
    }
  }

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

function matching(
  sql: Sql,
  cited: number,
  query: ReportQuery,
  fts: FtsQuery | null,
  probe: boolean,
  order: ReportOrder,
  page: number,
  pageSize: number,
): Matching {
  const where = filterWhere(query);
  const text = textMatch(fts, probe);
  const conditions = ["s.cited = ?", ...where.conditions, ...text.conditions];
  const from = `statements s ${text.join} JOIN works w ON w.rid = s.citing WHERE ${conditions.join(" AND ")}`;
  const params = [...text.joinParams, cited, ...where.params, ...text.params];

  const relevance = `m.stance = ${MENTIONING_CODE}, m.confidence DESC, m.rid`;
  const tail = fts?.match != null ? `m.rank, ${relevance}` : relevance;
  const orderBy =
    order === "newest"
      ? `m.year IS NULL, m.year DESC, ${tail}`
      : order === "oldest"
        ? `m.year IS NULL, m.year ASC, ${tail}`
        : tail;

  const pageRows = sql.all<{ rid: number }>(
    `WITH m AS MATERIALIZED (
       SELECT s.rid AS rid, s.citing AS citing, s.stance AS stance, s.confidence AS confidence, w.year AS year,
         ${text.rank} AS rank
       FROM ${from}),
     r AS (SELECT rid, citing, row_number() OVER (ORDER BY ${orderBy}) AS rn FROM m),
     g AS (SELECT citing, min(rn) AS grn FROM r GROUP BY citing),
     p AS (SELECT citing, grn FROM g ORDER BY grn LIMIT ? OFFSET ?)
     SELECT r.rid AS rid FROM r JOIN p ON p.citing = r.citing ORDER BY p.grn, r.rn`,
    [...params, pageSize, (page - 1) * pageSize],
  );

  const groups = loadGroups(
    sql,
    pageRows.map((r) => r.rid),
  );
  const { facets, publications, statements } = facetCounts(sql, from, params);
  return { groups, facets, publications, statements };
}

/** Facet name in the grouped query, value, count. */
interface FacetRow {
  f: string;
  v: string | number | null;
  c: number;
}

/** Every facet of the matching statements in one grouped query over one materialized set. */
function facetCounts(
  sql: Sql,
  from: string,
  params: unknown[],
): { facets: Facets; publications: number; statements: number } {
  const rows = sql.all<FacetRow>(
    `WITH m AS MATERIALIZED (
       SELECT s.citing AS citing, s.stance AS stance, s.section_kind AS section_kind, s.self AS self,
         w.year AS year, w.type AS type, w.journal AS journal
       FROM ${from})
     SELECT 'n' AS f, NULL AS v, count(*) AS c FROM m
     UNION ALL SELECT 'p', NULL, count(DISTINCT citing) FROM m
     UNION ALL SELECT 'stance', stance, count(*) FROM m GROUP BY stance
     UNION ALL SELECT 'section', section_kind, count(*) FROM m GROUP BY section_kind
     UNION ALL SELECT 'self', self, count(*) FROM m GROUP BY self
     UNION ALL SELECT 'year', year, count(*) FROM m WHERE year IS NOT NULL GROUP BY year
     UNION ALL SELECT 'type', type, count(*) FROM m WHERE type IS NOT NULL GROUP BY type
     UNION ALL SELECT * FROM (SELECT 'journal', journal, count(*) AS c FROM m WHERE journal IS NOT NULL
       GROUP BY journal ORDER BY c DESC, journal LIMIT 20)
     UNION ALL SELECT * FROM (SELECT 'author', a.name, sum(pc.n) AS c
       FROM (SELECT citing, count(*) AS n FROM m GROUP BY citing) pc CROSS JOIN authors a ON a.work = pc.citing
       GROUP BY a.name ORDER BY c DESC, a.name LIMIT 20)`,
    params,
  );
  const by = (f: string) => rows.filter((r) => r.f === f);
  const count = (f: string) => by(f)[0]?.c ?? 0;
  const stanceCounts = new Map(by("stance").map((r) => [stanceOf(Number(r.v)), r.c]));
  const sectionCounts = new Map(by("section").map((r) => [sectionKindOf(Number(r.v)), r.c]));
  const selfCounts = new Map(by("self").map((r) => [Number(r.v), r.c]));
  const desc = (list: FacetRow[]): FacetCount[] =>
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
