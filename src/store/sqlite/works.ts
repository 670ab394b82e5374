/** Upserting works and looking them up by id or DOI. */
import { type Doi, normalizeDoi, parseWorkId, type WorkId } from "../../core/ids.js";
import type { WorkCandidate, WorkInput } from "../../core/store.js";
import { authorName } from "./codes.js";
import { metaOf, moveCitingCells } from "./cube.js";
import { parsePersons, type WorkRow, workColumns } from "./rows.js";
import type { Sql } from "./sql.js";

/**
 * Upserts a work and returns its row id. A cited work keeps every field already known and fills the
 * missing ones; the ingested work itself (`ingested`) is authoritative: its non-null fields replace the
 * stored ones and it is marked ingested. A DOI already held by another work is not copied (the resolver
 * merges such works with mergeWorks).
 */
export function upsertWork(sql: Sql, work: WorkInput, ingested: boolean): number {
  if (!ingested) {
    // Most cited works are already stored with everything this reference knows: a read, not a write
    // (of which fields are missing only, not their text).
    const known = sql.get<{ rid: number; ingested: number; missing: number }>(MISSING, [work.workId]);
    // Not stored yet: a plain insert under a new row id.
    if (known === undefined) return upsert(sql, work, false, true);
    if ((known.missing & given(work)) === 0) return known.rid;
    if (known.ingested === 1) {
      // An ingested work whose year, type or journal a reference fills: its statements change facet cells.
      const before = workByWorkId(sql, work.workId);
      const rid = upsert(sql, work, false);
      const now = workByWorkId(sql, work.workId);
      if (before !== undefined && now !== undefined) moveCitingCells(sql, rid, metaOf(before), metaOf(now));
      return rid;
    }
  }
  return upsert(sql, work, ingested);
}

/**
 * The fields a cited work's upsert fills when they are missing (UPSERT_CITED): how SQL sees one missing
 * and whether an input has it. Field i is bit i of MISSING's `missing` and of `given`.
 */
const FILLABLE: readonly (readonly [missing: string, has: (w: WorkInput) => boolean])[] = [
  ["doi IS NULL", (w) => w.doi !== null],
  ["title IS NULL", (w) => w.title !== null],
  ["title_key IS NULL", (w) => w.titleKey !== null],
  ["authors = '[]'", (w) => w.authors.length > 0],
  ["year IS NULL", (w) => w.year !== null],
  ["journal IS NULL", (w) => w.journal !== null],
  ["type IS NULL", (w) => w.type !== null],
  ["abstract IS NULL", (w) => w.abstract !== null],
  ["license IS NULL", (w) => w.license !== null],
];

/** A stored work's row id, ingested flag, and one bit per FILLABLE field it lacks. */
const MISSING = `SELECT rid, ingested, ${FILLABLE.map(([missing], i) => `((${missing}) << ${i})`).join(" + ")} AS missing
FROM works WHERE work_id = ?`;

/** One bit per FILLABLE field `input` has: a cited work's upsert fills `missing & given`. */
function given(input: WorkInput): number {
  let bits = 0;
  for (let i = 0; i < FILLABLE.length; i++) if (FILLABLE[i]?.[1](input)) bits |= 1 << i;
  return bits;
}

/**
 * `fresh`: the work id is known not to be stored (a cited work is a plain insert; an ingested work's
 * author names are inserted without a delete).
 */
function upsert(sql: Sql, work: WorkInput, ingested: boolean, fresh = false): number {
  let doi: Doi | null = work.doi;
  if (doi !== null) {
    const holder = sql.get<{ work_id: string }>("SELECT work_id FROM works WHERE doi = ?", [doi]);
    if (holder !== undefined && holder.work_id !== work.workId) doi = null;
  }
  const authors = work.authors.length > 0 ? JSON.stringify(work.authors) : null;
  const firstAuthor = work.authors[0]?.surname ?? null;
  const params = [
    work.workId,
    doi,
    work.title,
    work.titleKey,
    authors ?? "[]",
    firstAuthor,
    work.year,
    work.journal,
    work.type,
    work.abstract,
    work.license,
    ingested ? 1 : 0,
  ];
  if (fresh && !ingested) {
    // A new cited work: a plain insert (no author names: the authors table holds citing works only).
    return Number(sql.run(INSERT, params).lastInsertRowid);
  }
  const row = sql.get<{ rid: number; authors: string; ingested: number }>(
    ingested ? UPSERT_INGESTED : UPSERT_CITED,
    params,
  );
  if (row === undefined) throw new Error(`upsert of work ${work.workId} returned no row`);
  // The authors table holds the names of ingested works (the citing side of the authors facet and
  // filter), following the stored author list whenever this input set it.
  if (row.ingested === 1 && authors !== null && row.authors === authors) {
    writeAuthorNames(sql, row.rid, row.authors, fresh);
  }
  return row.rid;
}

const INSERT = `INSERT INTO works (work_id, doi, title, title_key, authors, first_author, year, journal, type, abstract, license, ingested)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const UPSERT_CITED = `${INSERT}
ON CONFLICT (work_id) DO UPDATE SET
  doi = coalesce(works.doi, excluded.doi),
  title = coalesce(works.title, excluded.title),
  title_key = coalesce(works.title_key, excluded.title_key),
  authors = CASE WHEN works.authors = '[]' THEN excluded.authors ELSE works.authors END,
  first_author = coalesce(works.first_author, excluded.first_author),
  year = coalesce(works.year, excluded.year),
  journal = coalesce(works.journal, excluded.journal),
  type = coalesce(works.type, excluded.type),
  abstract = coalesce(works.abstract, excluded.abstract),
  license = coalesce(works.license, excluded.license)
RETURNING rid, authors, ingested`;

const UPSERT_INGESTED = `${INSERT}
ON CONFLICT (work_id) DO UPDATE SET
  doi = coalesce(excluded.doi, works.doi),
  title = coalesce(excluded.title, works.title),
  title_key = coalesce(excluded.title_key, works.title_key),
  authors = CASE WHEN excluded.authors = '[]' THEN works.authors ELSE excluded.authors END,
  first_author = coalesce(excluded.first_author, works.first_author),
  year = coalesce(excluded.year, works.year),
  journal = coalesce(excluded.journal, works.journal),
  type = coalesce(excluded.type, works.type),
  abstract = coalesce(excluded.abstract, works.abstract),
  license = coalesce(excluded.license, works.license),
  ingested = 1
RETURNING rid, authors, ingested`;

/**
 * Replaces the facet names of a work's authors with those of `authorsJson`; `fresh`: the work was just
 * inserted, so it has no names to delete.
 */
export function writeAuthorNames(sql: Sql, rid: number, authorsJson: string, fresh = false): void {
  if (!fresh) sql.run("DELETE FROM authors WHERE work = ?", [rid]);
  for (const person of parsePersons(authorsJson)) {
    if (person.surname.trim() === "") continue;
    sql.run("INSERT OR IGNORE INTO authors (work, name) VALUES (?, ?)", [rid, authorName(person)]);
  }
}

/** The row of a work id, or undefined. */
export function workByWorkId(sql: Sql, workId: string): WorkRow | undefined {
  return sql.get<WorkRow>(`SELECT ${workColumns("w")} FROM works w WHERE w.work_id = ?`, [workId]);
}

/** The row of a work found by DOI (any written form) or work id, or undefined. */
export function findWorkRow(sql: Sql, doiOrWorkId: string): WorkRow | undefined {
  const doi = normalizeDoi(doiOrWorkId);
  if (doi !== null) {
    const row = sql.get<WorkRow>(`SELECT ${workColumns("w")} FROM works w WHERE w.doi = ?`, [doi]);
    if (row !== undefined) return row;
  }
  const workId = parseWorkId(doiOrWorkId.trim());
  return workId === null ? undefined : workByWorkId(sql, workId);
}

/** A work row as a resolver candidate. */
export function toCandidate(row: WorkRow): WorkCandidate {
  return {
    workId: row.work_id as WorkId,
    doi: row.doi as Doi | null,
    title: row.title,
    titleKey: row.title_key,
    authors: parsePersons(row.authors),
    year: row.year,
    journal: row.journal,
  };
}
