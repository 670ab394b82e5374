/**
 * The statements of one report: a page of citing-publication groups and the facet counts.
 *
 * Without a text query, in three passes over the work's statements that each stream (no materialized
 * copy of the set; the rows are read from covering indexes):
 * 1. a cube: one GROUP BY over every facet column at once (a few hundred groups), summed per facet in JS
 *    (read from the precomputed `work_facets` cells instead when there is no author filter);
 * 2. the groups: one row per citing publication with its best statement's sort key, ordered, with the
 *    number of groups; the page is a slice of it, and the first AUTHOR_SAMPLE groups feed the authors facet;
 * 3. the page's statements, ordered exactly in JS.
 *
 * With a text query, in one pass (textMatching): every sentence must be read and scored anyway, and the
 * rows that match are few, so they are counted, grouped and ordered in memory with the same keys.
 */
import { SECTION_KINDS } from "../../core/document.js";
import type { CitingGroup, FacetCount, Facets, ReportOrder, ReportQuery } from "../../core/report.js";
import { STANCES } from "../../core/statement.js";
import { MENTIONING_CODE, sectionKindOf, stanceOf } from "./codes.js";
import { cellWhere, filterWhere, type Where } from "./filters.js";
import { loadGroups } from "./load.js";
import type { Sql } from "./sql.js";
import { TEXT_SCORE_FUNCTION } from "./text-score-name.js";

/** The authors facet counts the statements of at most this many citing publications (the first in order). */
export const AUTHOR_SAMPLE = 200;

/** What matching returns to the report. */
export interface Matching {
  readonly groups: CitingGroup[];
  readonly facets: Facets;
  readonly publications: number;
  readonly statements: number;
}

interface CubeRow {
  stance: number;
  section_kind: number;
  self: number;
  year: number | null;
  type: string | null;
  journal: string | null;
  n: number;
}

interface GroupRow {
  citing: number;
  k: number;
  n: number;
  total: number;
}

interface PageRow {
  rid: number;
  citing: number;
  stance: number;
  confidence: number;
  year: number | null;
  sc: number;
}

/** The page and facets of the statements citing work `cited` that match `query` (`q`: a usable text query). */
export function matching(
  sql: Sql,
  cited: number,
  query: ReportQuery,
  q: string | null,
  order: ReportOrder,
  page: number,
  pageSize: number,
): Matching {
  if (q !== null) return textMatching(sql, cited, query, q, order, page, pageSize);
  const where = filterWhere(query);
  const conditions = ["s.cited = ?", ...where.conditions];
  const baseParams: unknown[] = [cited, ...where.params];
  const base = `(SELECT s.rid AS rid, s.citing AS citing, s.stance AS stance, s.section_kind AS section_kind,
      s.self AS self, s.confidence AS confidence, w.year AS year, w.type AS type, w.journal AS journal, 0 AS sc
    FROM statements s JOIN works w ON w.rid = s.citing WHERE ${conditions.join(" AND ")}) AS m`;

  // Without an author filter the facet cells answer the facets; otherwise one streaming pass does.
  const cells = cellWhere(query);
  const cube =
    cells === null
      ? sql.all<CubeRow>(
          `SELECT stance, section_kind, self, year, type, journal, count(*) AS n FROM ${base}
           GROUP BY stance, section_kind, self, year, type, journal`,
          baseParams,
        )
      : readCells(sql, cited, cells);

  // One number that orders statements as the report does (lexicographic parts scaled apart).
  const relevance = `(m.stance = ${MENTIONING_CODE}) * 2 + (1 - m.confidence)`;
  const key =
    order === "newest"
      ? `(m.year IS NULL) * 1e12 - coalesce(m.year, 0) * 1e7 + ${relevance}`
      : order === "oldest"
        ? `(m.year IS NULL) * 1e12 + coalesce(m.year, 0) * 1e7 + ${relevance}`
        : relevance;
  const offset = (page - 1) * pageSize;
  const groupRows = sql.all<GroupRow>(
    `SELECT m.citing AS citing, min(${key}) AS k, count(*) AS n, count(*) OVER () AS total FROM ${base}
     GROUP BY m.citing ORDER BY k, m.citing LIMIT ?`,
    [...baseParams, Math.max(AUTHOR_SAMPLE, offset + pageSize)],
  );
  const publications =
    groupRows[0]?.total ??
    sql.get<{ n: number }>(`SELECT count(DISTINCT m.citing) AS n FROM ${base}`, baseParams)?.n ??
    0;

  const pageGroups = groupRows.slice(offset, offset + pageSize);
  let groups: CitingGroup[] = [];
  if (pageGroups.length > 0) {
    const rows = sql.all<PageRow>(
      `SELECT m.rid AS rid, m.citing AS citing, m.stance AS stance, m.confidence AS confidence, m.year AS year, m.sc AS sc
       FROM ${base} WHERE m.citing IN (SELECT value FROM json_each(?))`,
      [...baseParams, JSON.stringify(pageGroups.map((g) => g.citing))],
    );
    const rank = new Map(pageGroups.map((g, i) => [g.citing, i]));
    rows.sort((a, b) => (rank.get(a.citing) ?? 0) - (rank.get(b.citing) ?? 0) || compareStatements(a, b, order));
    groups = loadGroups(
      sql,
      rows.map((r) => r.rid),
    );
  }

  const authors = authorCounts(
    sql,
    groupRows.slice(0, AUTHOR_SAMPLE).map((g) => [g.citing, g.n]),
  );

  const facets = facetsOf(cube, authors);
  return {
    groups,
    publications,
    statements: cube.reduce((n, r) => n + r.n, 0),
    facets: publications > AUTHOR_SAMPLE ? { ...facets, authorsSample: AUTHOR_SAMPLE } : facets,
  };
}

interface TextRow extends CubeRow, PageRow {}

/**
 * {@link matching} with a text query, in one pass: the query is evaluated on every sentence of the
 * work's statements (the costly part: each row's text is read), and the matching rows (a few, for most
 * queries) are counted, grouped and ordered in memory, with the same sort keys as the SQL passes.
 */
function textMatching(
  sql: Sql,
  cited: number,
  query: ReportQuery,
  q: string,
  order: ReportOrder,
  page: number,
  pageSize: number,
): Matching {
  const where = filterWhere(query);
  const rows = sql.all<TextRow>(
    `SELECT * FROM (SELECT s.rid AS rid, s.citing AS citing, s.stance AS stance, s.section_kind AS section_kind,
        s.self AS self, s.confidence AS confidence, w.year AS year, w.type AS type, w.journal AS journal,
        ${TEXT_SCORE_FUNCTION}(?, s.sentence) AS sc
      FROM statements s JOIN works w ON w.rid = s.citing WHERE ${["s.cited = ?", ...where.conditions].join(" AND ")})
     WHERE sc IS NOT NULL`,
    [q, cited, ...where.params],
  );

  const cells = new Map<string, CubeRow>();
  for (const r of rows) {
    const k = `${r.stance} ${r.section_kind} ${r.self} ${r.year} ${r.type} ${r.journal}`;
    const c = cells.get(k);
    if (c === undefined) cells.set(k, { ...r, n: 1 });
    else c.n++;
  }

  // The same number as the SQL passes' sort key (text first, then relevance; by year when asked).
  const keyOf = (r: TextRow): number => {
    const textFirst = Number(r.stance === MENTIONING_CODE) * 2 + (1 - r.confidence) - r.sc * 1000;
    if (order === "relevance") return textFirst;
    const unknown = Number(r.year === null) * 1e12;
    const year = (r.year ?? 0) * 1e7;
    return (order === "newest" ? unknown - year : unknown + year) + textFirst;
  };
  const byCiting = new Map<number, { citing: number; k: number; n: number; rows: TextRow[] }>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = byCiting.get(r.citing);
    if (g === undefined) byCiting.set(r.citing, { citing: r.citing, k, n: 1, rows: [r] });
    else {
      if (k < g.k) g.k = k;
      g.n++;
      g.rows.push(r);
    }
  }
  const ordered = [...byCiting.values()].sort((a, b) => a.k - b.k || a.citing - b.citing);
  const offset = (page - 1) * pageSize;
  const pageRows = ordered
    .slice(offset, offset + pageSize)
    .flatMap((g) => g.rows.sort((a, b) => compareStatements(a, b, order)));
  const groups =
    pageRows.length === 0
      ? []
      : loadGroups(
          sql,
          pageRows.map((r) => r.rid),
        );
  const authors = authorCounts(
    sql,
    ordered.slice(0, AUTHOR_SAMPLE).map((g) => [g.citing, g.n]),
  );
  const facets = facetsOf([...cells.values()], authors);
  return {
    groups,
    publications: ordered.length,
    statements: rows.length,
    facets: ordered.length > AUTHOR_SAMPLE ? { ...facets, authorsSample: AUTHOR_SAMPLE } : facets,
  };
}

/** The top 20 citing authors of the given citing works, each counted with its statement count. */
function authorCounts(sql: Sql, citings: readonly (readonly [number, number])[]): { name: string; c: number }[] {
  if (citings.length === 0) return [];
  return sql.all<{ name: string; c: number }>(
    `SELECT a.name AS name, sum(json_extract(j.value, '$[1]')) AS c
     FROM json_each(?) j CROSS JOIN authors a ON a.work = json_extract(j.value, '$[0]')
     GROUP BY a.name ORDER BY c DESC, a.name LIMIT 20`,
    [JSON.stringify(citings)],
  );
}

/** The facet cells of a cited work that pass the filters, as cube rows. */
function readCells(sql: Sql, cited: number, where: Where): CubeRow[] {
  return sql
    .all<CubeRow>(
      `SELECT stance, section_kind, self, year, type, journal, n FROM work_facets
       WHERE ${["work = ?", ...where.conditions].join(" AND ")}`,
      [cited, ...where.params],
    )
    .map((c) => ({ ...c, year: c.year === 0 ? null : c.year, type: c.type || null, journal: c.journal || null }));
}

/** True for the default report (relevance order, no filter, no text): the fast path answers it. */
export function isDefaultQuery(query: ReportQuery, q: string | null, order: ReportOrder): boolean {
  const empty = (list: readonly unknown[] | undefined) => list === undefined || list.length === 0;
  return (
    q === null &&
    order === "relevance" &&
    empty(query.stance) &&
    empty(query.sectionKind) &&
    empty(query.publicationType) &&
    empty(query.relationship) &&
    empty(query.author) &&
    empty(query.journal) &&
    query.yearFrom === undefined &&
    query.yearTo === undefined
  );
}

/**
 * The default report without reading the work's statements: facets from `work_facets`, counts from
 * `work_stats`, and the first groups read from the start of the relevance index (a group's rank is its
 * best statement's); only the page's statements and the authors sample's are read.
 */
export function fastMatching(
  sql: Sql,
  cited: number,
  totals: { statements: number; publications: number },
  page: number,
  pageSize: number,
): Matching {
  const cells = readCells(sql, cited, { conditions: [], params: [] });
  const offset = (page - 1) * pageSize;
  const need = Math.max(offset + pageSize, AUTHOR_SAMPLE);
  const order: number[] = [];
  const seen = new Set<number>();
  const stream = sql
    .prep(
      `SELECT citing FROM statements INDEXED BY statements_relevance WHERE cited = ?
       ORDER BY stance = ${MENTIONING_CODE}, confidence DESC`,
    )
    .raw(true);
  for (const [c] of stream.iterate(cited) as Iterable<[number]>) {
    if (seen.has(c)) continue;
    seen.add(c);
    order.push(c);
    if (order.length >= need) break;
  }
  stream.raw(false);

  const pageCitings = order.slice(offset, offset + pageSize);
  let groups: CitingGroup[] = [];
  if (pageCitings.length > 0) {
    const rows = sql.all<PageRow>(
      `SELECT rid, citing, stance, confidence, NULL AS year, 0 AS sc FROM statements
       WHERE cited = ? AND citing IN (SELECT value FROM json_each(?))`,
      [cited, JSON.stringify(pageCitings)],
    );
    const rank = new Map(pageCitings.map((c, i) => [c, i]));
    rows.sort((a, b) => (rank.get(a.citing) ?? 0) - (rank.get(b.citing) ?? 0) || compareStatements(a, b, "relevance"));
    groups = loadGroups(
      sql,
      rows.map((r) => r.rid),
    );
  }
  const sample = order.slice(0, AUTHOR_SAMPLE);
  const counts = sql.all<{ citing: number; n: number }>(
    `SELECT citing, count(*) AS n FROM statements WHERE cited = ? AND citing IN (SELECT value FROM json_each(?))
     GROUP BY citing`,
    [cited, JSON.stringify(sample)],
  );
  const facets = facetsOf(
    cells,
    authorCounts(
      sql,
      counts.map((r) => [r.citing, r.n]),
    ),
  );
  return {
    groups,
    publications: totals.publications,
    statements: totals.statements,
    facets: totals.publications > AUTHOR_SAMPLE ? { ...facets, authorsSample: AUTHOR_SAMPLE } : facets,
  };
}

/** The exact order of two statements (the group order decides first). */
function compareStatements(a: PageRow, b: PageRow, order: ReportOrder): number {
  if (order !== "relevance") {
    const ya = a.year ?? null;
    const yb = b.year ?? null;
    if (ya !== yb) {
      if (ya === null) return 1;
      if (yb === null) return -1;
      return order === "newest" ? yb - ya : ya - yb;
    }
  }
  return (
    b.sc - a.sc ||
    Number(a.stance === MENTIONING_CODE) - Number(b.stance === MENTIONING_CODE) ||
    b.confidence - a.confidence ||
    a.rid - b.rid
  );
}

/** Facet lists from the cube. */
function facetsOf(cube: readonly CubeRow[], authors: readonly { name: string; c: number }[]): Facets {
  const sum = <K>(key: (r: CubeRow) => K | null) => {
    const m = new Map<K, number>();
    for (const r of cube) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + r.n);
    }
    return m;
  };
  const stance = sum((r) => stanceOf(r.stance));
  const section = sum((r) => sectionKindOf(r.section_kind));
  const self = sum((r) => r.self);
  const desc = (m: Map<string, number>, limit = Number.POSITIVE_INFINITY): FacetCount[] =>
    [...m]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, limit);
  return {
    stance: STANCES.map((value) => ({ value, count: stance.get(value) ?? 0 })),
    sectionKind: SECTION_KINDS.filter((k) => section.has(k)).map((value) => ({
      value,
      count: section.get(value) ?? 0,
    })),
    year: [...sum((r) => r.year)].sort((a, b) => a[0] - b[0]).map(([y, count]) => ({ value: String(y), count })),
    publicationType: desc(sum((r) => r.type)),
    relationship: [
      { value: "self", count: self.get(1) ?? 0 },
      { value: "independent", count: self.get(0) ?? 0 },
    ],
    authors: authors.map((a) => ({ value: a.name, count: a.c })),
    journals: desc(
      sum((r) => r.journal),
      20,
    ),
  };
}
