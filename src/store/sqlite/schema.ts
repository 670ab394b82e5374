/**
 * The SQLite schema as numbered migrations. `PRAGMA user_version` holds the number of the last one
 * applied; opening a database applies the missing ones in one transaction each.
 */
import type Database from "better-sqlite3";

/** One schema step: its number and the SQL that takes the previous version to it. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/**
 * Works and statements are keyed inside the database by integer row ids (`rid`): a statement row holds
 * two integers instead of two 17-character work ids, which keeps the table and its indexes small at
 * millions of rows and makes a merge a plain integer update. Stance and section kind are small integer
 * codes (codes.ts) for the same reason.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE works (
  rid INTEGER PRIMARY KEY,
  work_id TEXT NOT NULL UNIQUE,
  doi TEXT UNIQUE,
  title TEXT,
  title_key TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  first_author TEXT,
  year INTEGER,
  journal TEXT,
  type TEXT,
  abstract TEXT,
  license TEXT,
  ingested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX works_title_key ON works(title_key) WHERE title_key IS NOT NULL;
CREATE INDEX works_unresolved ON works(rid) WHERE doi IS NULL AND ingested = 0;

CREATE TABLE authors (
  work INTEGER NOT NULL REFERENCES works(rid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  PRIMARY KEY (work, name)
) WITHOUT ROWID;
CREATE INDEX authors_name ON authors(name);

CREATE TABLE sources (
  path TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  parser TEXT NOT NULL,
  extractor TEXT NOT NULL,
  resolver TEXT NOT NULL,
  classifier TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  work INTEGER REFERENCES works(rid) ON DELETE SET NULL,
  diagnostics TEXT NOT NULL DEFAULT '[]',
  updated TEXT NOT NULL
);
CREATE INDEX sources_work ON sources(work);

CREATE TABLE statements (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  citing INTEGER NOT NULL REFERENCES works(rid),
  cited INTEGER NOT NULL REFERENCES works(rid),
  ref_id TEXT NOT NULL,
  marker TEXT NOT NULL,
  sentence TEXT NOT NULL,
  before_text TEXT NOT NULL,
  after_text TEXT NOT NULL,
  marker_start INTEGER NOT NULL,
  marker_end INTEGER NOT NULL,
  section TEXT NOT NULL,
  section_kind INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  sub_article TEXT,
  stance INTEGER NOT NULL,
  confidence REAL NOT NULL,
  intent INTEGER NOT NULL,
  intent_confidence REAL NOT NULL,
  cues TEXT NOT NULL,
  self INTEGER NOT NULL
);
-- A report reads every statement of one cited work; the covering columns answer the stance, section
-- and relationship facets and the default order without touching the table.
CREATE INDEX statements_cited ON statements(cited, stance, section_kind, self, citing, confidence);
CREATE INDEX statements_citing ON statements(citing, cited);

CREATE TABLE refs (
  citing INTEGER NOT NULL REFERENCES works(rid),
  position INTEGER NOT NULL,
  ref_id TEXT NOT NULL,
  raw TEXT NOT NULL,
  cited INTEGER NOT NULL REFERENCES works(rid),
  method TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (citing, position)
) WITHOUT ROWID;
CREATE INDEX refs_cited ON refs(cited);

-- Per cited work: tallies, statement and citing-publication counts, kept exact on every write (deltas
-- per article; a merge recomputes the works it touches), so tallies and top lists never scan statements.
CREATE TABLE work_stats (
  work INTEGER PRIMARY KEY REFERENCES works(rid) ON DELETE CASCADE,
  supporting INTEGER NOT NULL,
  mentioning INTEGER NOT NULL,
  contrasting INTEGER NOT NULL,
  statements INTEGER NOT NULL,
  publications INTEGER NOT NULL
);
CREATE INDEX work_stats_supporting ON work_stats(supporting);
CREATE INDEX work_stats_contrasting ON work_stats(contrasting);
CREATE INDEX work_stats_statements ON work_stats(statements);

-- Full text over the statement sentence (external content: the text lives once, in statements). The
-- store keeps it in step itself, in the same transaction: an FTS5 insert from a trigger runs inside a
-- statement savepoint, which makes FTS5 flush a segment per row (measured 7 times slower).
-- unicode61 has no stop-word list, so "not", "no" and "nor" are indexed and phrase search on negations works.
CREATE VIRTUAL TABLE statements_fts USING fts5(
  sentence,
  content = 'statements',
  content_rowid = 'rid',
  tokenize = 'unicode61 remove_diacritics 2'
);
`,
  },
  {
    // Databases made by the first build of version 1 kept the FTS table in step with triggers.
    version: 2,
    sql: `
DROP TRIGGER IF EXISTS statements_fts_insert;
DROP TRIGGER IF EXISTS statements_fts_delete;
DROP TRIGGER IF EXISTS statements_fts_update;
`,
  },
  {
    // A search reads stance, section and citing work of each FTS match, and the citing year: covering
    // indexes keyed by row id answer that without reading the wide statement and work rows.
    version: 3,
    sql: `
CREATE INDEX statements_facets ON statements(rid, stance, section_kind, citing);
CREATE INDEX works_year ON works(rid, year);
`,
  },
  {
    // The default report without reading the work's statements: facet counts per cited work by every
    // facet column at once (a few hundred cells per work, kept exact by deltas on write, unknown year 0,
    // unknown type or journal ''), and statements in relevance order (mentioning, code 1, last; then
    // confidence) so the first page of groups is read from the start of an index.
    version: 4,
    sql: `
CREATE TABLE work_facets (
  work INTEGER NOT NULL REFERENCES works(rid) ON DELETE CASCADE,
  stance INTEGER NOT NULL,
  section_kind INTEGER NOT NULL,
  self INTEGER NOT NULL,
  year INTEGER NOT NULL,
  type TEXT NOT NULL,
  journal TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (work, stance, section_kind, self, year, type, journal)
) WITHOUT ROWID;
INSERT INTO work_facets (work, stance, section_kind, self, year, type, journal, n)
  SELECT s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''), coalesce(w.journal, ''),
    count(*)
  FROM statements s JOIN works w ON w.rid = s.citing
  GROUP BY s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''), coalesce(w.journal, '');
CREATE INDEX statements_relevance ON statements(cited, stance = 1, confidence DESC);
`,
  },
  {
    // The authors facet and filter are about citing works, which are always ingested: the names of works
    // only cited (about 30 times as many rows) are no longer kept.
    version: 5,
    sql: `
DELETE FROM authors WHERE work IN (SELECT rid FROM works WHERE ingested = 0);
`,
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Brings a database to SCHEMA_VERSION, one transaction per migration. Throws when the file was written
 * by a newer Citelens (a version this code does not know).
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `this database has schema version ${current}, newer than this Citelens (${SCHEMA_VERSION}): upgrade Citelens`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
