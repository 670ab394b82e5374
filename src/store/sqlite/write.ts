/** The write side: one article per transaction, failures, merges. */
import type { Diagnostic } from "../../core/diagnostic.js";
import type { ArticleWrite, WorkInput } from "../../core/store.js";
import { intentCode, sectionKindCode, stanceCode } from "./codes.js";
import { applyCitingCells, metaOf, recomputeCells } from "./cube.js";
import type { WorkRow } from "./rows.js";
import type { Sql } from "./sql.js";
import { addArticleTallies, type Contribution, recomputeTallies, removeArticleTallies } from "./tallies.js";
import { upsertWork, workByWorkId, writeAuthorNames } from "./works.js";

const INSERT_STATEMENT = `INSERT INTO statements (id, citing, cited, ref_id, marker, sentence, before_text, after_text,
  marker_start, marker_end, section, section_kind, paragraph, start_offset, end_offset, sub_article, stance,
  confidence, intent, intent_confidence, cues, self)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_REF = `INSERT INTO refs (citing, position, ref_id, raw, cited, method, score) VALUES (?, ?, ?, ?, ?, ?, ?)`;

const UPSERT_SOURCE = `INSERT INTO sources (path, content_hash, parser, extractor, resolver, classifier, status, work, diagnostics, updated)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, parser = excluded.parser,
  extractor = excluded.extractor, resolver = excluded.resolver, classifier = excluded.classifier,
  status = excluded.status, work = coalesce(excluded.work, sources.work), diagnostics = excluded.diagnostics,
  updated = excluded.updated`;

/** Writes one article (see Store.writeArticle); the caller runs it inside a transaction. */
export function writeArticle(sql: Sql, article: ArticleWrite): void {
  const before = sql.get<{ rid: number; year: number | null; type: string | null; journal: string | null }>(
    "SELECT rid, year, type, journal FROM works WHERE work_id = ?",
    [article.work.workId],
  );
  const citing = upsertWork(sql, article.work, true);
  const rids = new Map<string, number>([[article.work.workId, citing]]);
  const ridOf = (work: WorkInput): number => {
    let rid = rids.get(work.workId);
    if (rid === undefined) {
      rid = upsertWork(sql, work, false);
      rids.set(work.workId, rid);
    }
    return rid;
  };
  for (const ref of article.references) ridOf(ref.cited);

  if (sql.get("SELECT 1 FROM statements WHERE citing = ? LIMIT 1", [citing]) !== undefined) {
    removeArticleTallies(sql, citing);
    // Counted under the citing work's metadata as it was before this write.
    if (before !== undefined) applyCitingCells(sql, citing, metaOf(before), -1);
    sql.run(
      `INSERT INTO statements_fts (statements_fts, rowid, sentence)
       SELECT 'delete', rid, sentence FROM statements WHERE citing = ?`,
      [citing],
    );
    sql.run("DELETE FROM statements WHERE citing = ?", [citing]);
  }
  sql.run("DELETE FROM refs WHERE citing = ?", [citing]);
  const contributions = new Map<number, Contribution>();

  for (const ref of article.references) {
    sql.run(INSERT_REF, [citing, ref.position, ref.refId, ref.raw, ridOf(ref.cited), ref.method, ref.score]);
  }
  for (const s of article.statements) {
    let cited = rids.get(s.citedWorkId);
    if (cited === undefined) {
      cited = sql.get<{ rid: number }>("SELECT rid FROM works WHERE work_id = ?", [s.citedWorkId])?.rid;
      if (cited === undefined) {
        throw new Error(
          `statement ${s.id} of ${article.source.path} cites work ${s.citedWorkId}, which is neither among the article's references nor stored`,
        );
      }
      rids.set(s.citedWorkId, cited);
    }
    const stance = stanceCode(s.stance);
    let contribution = contributions.get(cited);
    if (contribution === undefined) {
      contribution = { stances: [0, 0, 0] };
      contributions.set(cited, contribution);
    }
    contribution.stances[stance] = (contribution.stances[stance] ?? 0) + 1;
    const { lastInsertRowid } = sql.run(INSERT_STATEMENT, [
      s.id,
      citing,
      cited,
      s.refId,
      s.marker,
      s.sentence,
      s.before,
      s.after,
      s.markerStart,
      s.markerEnd,
      s.section,
      sectionKindCode(s.sectionKind),
      s.paragraph,
      s.start,
      s.end,
      s.subArticle,
      stance,
      s.confidence,
      intentCode(s.intent),
      s.intentConfidence,
      JSON.stringify(s.cues),
      s.selfCitation ? 1 : 0,
    ]);
    sql.run("INSERT INTO statements_fts (rowid, sentence) VALUES (?, ?)", [lastInsertRowid, s.sentence]);
  }
  addArticleTallies(sql, contributions);
  const now = sql.get<{ year: number | null; type: string | null; journal: string | null }>(
    "SELECT year, type, journal FROM works WHERE rid = ?",
    [citing],
  );
  if (now !== undefined) applyCitingCells(sql, citing, metaOf(now), 1);
  writeSource(sql, article.source, "ok", citing, article.diagnostics);
}

/** Records a failed source; rows written earlier from it stay (see Store.recordFailure). */
export function recordFailure(sql: Sql, source: ArticleWrite["source"], diagnostics: readonly Diagnostic[]): void {
  writeSource(sql, source, "failed", null, diagnostics);
}

function writeSource(
  sql: Sql,
  source: ArticleWrite["source"],
  status: "ok" | "failed",
  work: number | null,
  diagnostics: readonly Diagnostic[],
): void {
  const v = source.versions;
  sql.run(UPSERT_SOURCE, [
    source.path,
    source.contentHash,
    v.parser,
    v.extractor,
    v.resolver,
    v.classifier,
    status,
    work,
    JSON.stringify(diagnostics),
    new Date().toISOString(),
  ]);
}

/**
 * Merges work `from` into `into` (see Store.mergeWorks); the caller runs it inside a transaction.
 * Unknown `from` (already merged) is a no-op; unknown `into` is a programming error.
 */
export function mergeWorks(sql: Sql, fromId: string, intoId: string): void {
  if (fromId === intoId) return;
  const from = workByWorkId(sql, fromId);
  if (from === undefined) return;
  const into = workByWorkId(sql, intoId);
  if (into === undefined) throw new Error(`mergeWorks: target work ${intoId} is not stored`);

  // The works whose tallies can change: both, and every work either cites.
  const touched = new Set<number>([from.rid, into.rid]);
  for (const r of sql.all<{ cited: number }>("SELECT DISTINCT cited FROM statements WHERE citing IN (?, ?)", [
    from.rid,
    into.rid,
  ])) {
    touched.add(r.cited);
  }

  sql.run("UPDATE statements SET cited = ? WHERE cited = ?", [into.rid, from.rid]);
  sql.run("UPDATE statements SET citing = ? WHERE citing = ?", [into.rid, from.rid]);
  sql.run("UPDATE refs SET cited = ? WHERE cited = ?", [into.rid, from.rid]);
  // When both were ingested, `into` keeps its own reference list.
  sql.run("UPDATE OR IGNORE refs SET citing = ? WHERE citing = ?", [into.rid, from.rid]);
  sql.run("DELETE FROM refs WHERE citing = ?", [from.rid]);
  sql.run("UPDATE sources SET work = ? WHERE work = ?", [into.rid, from.rid]);
  sql.run("DELETE FROM work_stats WHERE work = ?", [from.rid]);
  sql.run("DELETE FROM works WHERE rid = ?", [from.rid]);
  touched.delete(from.rid);

  fillFrom(sql, into, from);
  recomputeTallies(sql, touched);
  recomputeCells(sql, touched);
}

/** Fills the missing fields of `into` from `from` (after `from` is deleted, so its DOI is free). */
function fillFrom(sql: Sql, into: WorkRow, from: WorkRow): void {
  const authors = into.authors === "[]" ? from.authors : into.authors;
  sql.run(
    `UPDATE works SET doi = coalesce(doi, ?), title = coalesce(title, ?), title_key = coalesce(title_key, ?),
       authors = ?, first_author = coalesce(first_author, json_extract(?, '$[0].surname')), year = coalesce(year, ?),
       journal = coalesce(journal, ?), type = coalesce(type, ?), abstract = coalesce(abstract, ?),
       license = coalesce(license, ?), ingested = max(ingested, ?)
     WHERE rid = ?`,
    [
      from.doi,
      from.title,
      from.title_key,
      authors,
      authors,
      from.year,
      from.journal,
      from.type,
      from.abstract,
      from.license,
      from.ingested,
      into.rid,
    ],
  );
  // Author names are kept for ingested works only (see upsertWork).
  const ingested = into.ingested === 1 || from.ingested === 1;
  if (ingested && (authors !== into.authors || into.ingested !== 1)) writeAuthorNames(sql, into.rid, authors);
}
