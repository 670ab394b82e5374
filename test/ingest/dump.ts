/** A canonical dump of an index: works, statements, refs and sources by stable ids, without timestamps. */
import Database from "better-sqlite3";

/** Every row that matters, keyed by work ids (never by internal row ids), sorted. */
export interface Dump {
  readonly works: unknown[];
  readonly statements: unknown[];
  readonly refs: unknown[];
  readonly sources: unknown[];
}

/** Reads the canonical dump of the SQLite index at `file`. */
export function dump(file: string): Dump {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).raw().all();
    return {
      works: all(
        `SELECT work_id, doi, title, title_key, authors, year, journal, type, abstract, license, ingested
         FROM works ORDER BY work_id`,
      ),
      statements: all(
        `SELECT s.id, a.work_id, b.work_id, s.ref_id, s.marker, s.sentence, s.before_text, s.after_text,
           s.marker_start, s.marker_end, s.section, s.section_kind, s.paragraph, s.start_offset, s.end_offset,
           s.sub_article, s.stance, s.confidence, s.intent, s.intent_confidence, s.cues, s.self
         FROM statements s JOIN works a ON a.rid = s.citing JOIN works b ON b.rid = s.cited ORDER BY s.id`,
      ),
      refs: all(
        `SELECT a.work_id, r.position, r.ref_id, r.raw, b.work_id, r.method, r.score
         FROM refs r JOIN works a ON a.rid = r.citing JOIN works b ON b.rid = r.cited ORDER BY a.work_id, r.position`,
      ),
      sources: all(
        `SELECT s.path, s.content_hash, s.parser, s.extractor, s.resolver, s.classifier, s.status, w.work_id, s.diagnostics
         FROM sources s LEFT JOIN works w ON w.rid = s.work ORDER BY s.path`,
      ),
    };
  } finally {
    db.close();
  }
}

/** Row counts of a dump. */
export function counts(d: Dump): Record<keyof Dump, number> {
  return { works: d.works.length, statements: d.statements.length, refs: d.refs.length, sources: d.sources.length };
}
