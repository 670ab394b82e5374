/**
 * `npm run bench:scale` (outside CI): report and search latency at 10 million statements.
 *
 * How the large database is made: the 10,781 labeled eLife statements (843 citing articles, citing
 * metadata from the eLife JATS files) are written through Store.writeArticle; then, copy after copy, every
 * ingested article is replicated in SQL as a new citing work (new work id and DOI `<doi>.scale<k>`, same
 * year, type, journal and authors) with all its references and statements under new statement ids
 * (`<id>.<k>`), cited works unchanged. The secondary indexes are dropped during the copies and built once
 * at the end, the FTS index is rebuilt from the statements and optimized, and tallies are recomputed (a
 * bulk load; the per-article write path is measured by the query stage). So the cited works keep their
 * real citation profile, each cited ~930 times more, and every statement text is real. The file is kept (CITELENS_SCALE_DB, default
 * $TMPDIR/citelens-scale.db) and reused when it already holds the target, so measuring again is quick.
 *
 * A stopped build resumes after its last copy; CITELENS_SCALE_FINISH=1 skips the remaining copies and
 * indexes what is there (to measure at the size reached).
 *
 * Environment: CITELENS_SCALE_STATEMENTS (default 10,000,000), CITELENS_SCALE_DB, CITELENS_SCALE_FINISH.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { workIdFromKey } from "../src/core/ids.js";
import { sharedData } from "../src/paths.js";
import { openSqliteStore, type SqliteStore } from "../src/store/sqlite/index.js";
import { MIGRATIONS } from "../src/store/sqlite/schema.js";
import { buildArticles, citingMetaReader, readStanceRecords } from "../test/store/elife-builder.js";
import { benchQueries, databaseBytes, measureQueries } from "./stages/60-query.js";
import { machineLine, renderTable } from "./table.js";

const target = Number(process.env.CITELENS_SCALE_STATEMENTS ?? 10_000_000);
const file = process.env.CITELENS_SCALE_DB ?? join(tmpdir(), "citelens-scale.db");
const train = sharedData("elife-stance-train", "train.jsonl");
if (train === null) {
  console.error("bench:scale needs ../shared/data/elife-stance-train");
  process.exit(1);
}
const records = readStanceRecords(train);

/** Secondary indexes dropped during replication and built once after it (a sorted build, not 10 million inserts). */
const DEFERRED_INDEXES = [
  "statements_cited",
  "statements_citing",
  "statements_facets",
  "statements_relevance",
  "refs_cited",
];

/** The CREATE INDEX statements of the deferred indexes, from the migrations. */
function deferredIndexSql(): string[] {
  const all = MIGRATIONS.map((m) => m.sql).join("\n");
  return DEFERRED_INDEXES.map((name) => {
    const m = new RegExp(`CREATE INDEX ${name} ON [^;]+;`).exec(all);
    if (m === null) throw new Error(`index ${name} is not in the migrations`);
    return m[0];
  });
}

function hasIndex(db: SqliteStore["database"], name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

function count(db: SqliteStore["database"], sql: string): number {
  return (db.prepare(sql).get() as { n: number | null }).n ?? 0;
}

/** Adds copies of the base articles until the store holds `target` statements (resuming after the last copy). */
function replicate(store: SqliteStore): void {
  const db = store.database;
  db.pragma("cache_size = -2000000");
  const base = db
    .prepare("SELECT rid, work_id FROM works WHERE ingested = 1 AND doi NOT LIKE '%.scale%' ORDER BY rid")
    .all() as { rid: number; work_id: string }[];
  for (const name of DEFERRED_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  const last = count(
    db,
    "SELECT max(CAST(substr(doi, instr(doi, '.scale') + 6) AS INTEGER)) AS n FROM works WHERE doi LIKE '%.scale%'",
  );
  db.exec("CREATE TEMP TABLE IF NOT EXISTS copy_map (orig INTEGER PRIMARY KEY, copy INTEGER NOT NULL)");
  const copyWork = db.prepare(
    `INSERT INTO works (work_id, doi, title, title_key, authors, first_author, year, journal, type, abstract, license, ingested)
     SELECT ?, doi || '.scale' || ?, title, title_key, authors, first_author, year, journal, type, abstract, license, 1
     FROM works WHERE rid = ?`,
  );
  const copyAuthors = db.prepare("INSERT INTO authors (work, name) SELECT ?, name FROM authors WHERE work = ?");
  const mapRow = db.prepare("INSERT INTO copy_map (orig, copy) VALUES (?, ?)");
  const copyRefs = db.prepare(
    `INSERT INTO refs (citing, position, ref_id, raw, cited, method, score)
     SELECT m.copy, r.position, r.ref_id, r.raw, r.cited, r.method, r.score FROM copy_map m JOIN refs r ON r.citing = m.orig`,
  );
  const copyStatements = db.prepare(
    `INSERT INTO statements (id, citing, cited, ref_id, marker, sentence, before_text, after_text, marker_start,
       marker_end, section, section_kind, paragraph, start_offset, end_offset, sub_article, stance, confidence, intent,
       intent_confidence, cues, self)
     SELECT s.id || '.' || ?, m.copy, s.cited, s.ref_id, s.marker, s.sentence, s.before_text, s.after_text, s.marker_start,
       s.marker_end, s.section, s.section_kind, s.paragraph, s.start_offset, s.end_offset, s.sub_article, s.stance,
       s.confidence, s.intent, s.intent_confidence, s.cues, s.self
     FROM copy_map m JOIN statements s ON s.citing = m.orig AND s.rid <= ? ORDER BY s.rid`,
  );
  // The copies read the base statements by row id range: the citing index is deferred, and a join on
  // citing would otherwise scan the whole, growing table for every copy.
  const baseMax = (
    db
      .prepare("SELECT max(rid) AS n FROM statements WHERE citing IN (SELECT value FROM json_each(?))")
      .get(JSON.stringify(base.map((b) => b.rid))) as { n: number }
  ).n;
  let statements = count(db, "SELECT max(rid) AS n FROM statements");
  const first = statements;
  const started = performance.now();
  for (let k = last + 1; statements < target; k++) {
    db.transaction(() => {
      db.exec("DELETE FROM copy_map");
      for (const w of base) {
        const { lastInsertRowid } = copyWork.run(workIdFromKey(`scale|${k}|${w.work_id}`), k, w.rid);
        copyAuthors.run(lastInsertRowid, w.rid);
        mapRow.run(w.rid, lastInsertRowid);
      }
      copyRefs.run();
      statements += copyStatements.run(k, baseMax).changes;
    })();
    if (k % 100 === 0) {
      const s = (performance.now() - started) / 1000;
      console.error(
        `copy ${k}: ${statements.toLocaleString("en-US")} statements, ${Math.round((statements - first) / s)}/s`,
      );
    }
  }
}

/** Builds what replication deferred: indexes, the FTS index, tallies and facet cells, planner statistics. */
function finish(store: SqliteStore): void {
  const db = store.database;
  db.pragma("cache_size = -2000000");
  const step = (label: string, f: () => void) => {
    const t = performance.now();
    f();
    console.error(`${label}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  };
  step("indexes", () => {
    for (const [i, sql] of deferredIndexSql().entries()) {
      if (!hasIndex(db, DEFERRED_INDEXES[i] as string)) db.exec(sql);
    }
  });
  step("full-text rebuild", () => db.exec("INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')"));
  step("tallies", () =>
    db.transaction(() => {
      db.exec("DELETE FROM work_stats");
      db.exec(`INSERT INTO work_stats (work, supporting, mentioning, contrasting, statements, publications)
        SELECT cited, sum(stance = 0), sum(stance = 1), sum(stance = 2), count(*), count(DISTINCT citing)
        FROM statements GROUP BY cited`);
    })(),
  );
  // Opening the file migrates it; a migration that created the facet cells already counted every statement.
  if (count(db, "SELECT sum(n) AS n FROM work_facets") !== count(db, "SELECT count(*) AS n FROM statements")) {
    step("facet cells", () =>
      db.transaction(() => {
        db.exec("DELETE FROM work_facets");
        db.exec(`INSERT INTO work_facets (work, stance, section_kind, self, year, type, journal, n)
          SELECT s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''), coalesce(w.journal, ''), count(*)
          FROM statements s JOIN works w ON w.rid = s.citing
          GROUP BY s.cited, s.stance, s.section_kind, s.self, coalesce(w.year, 0), coalesce(w.type, ''), coalesce(w.journal, '')`);
      })(),
    );
  }
  step("full-text optimize", () => db.exec("INSERT INTO statements_fts (statements_fts) VALUES ('optimize')"));
  step("analyze", () => db.exec("PRAGMA analysis_limit = 1000; ANALYZE;"));
  db.pragma("wal_checkpoint(TRUNCATE)");
}

const t0 = performance.now();
const finishOnly = process.env.CITELENS_SCALE_FINISH === "1";
let store = openSqliteStore(file);
let built = false;
const complete = () => hasIndex(store.database, "statements_cited");
if (count(store.database, "SELECT count(*) AS n FROM works") === 0) {
  for (const a of buildArticles(records, { meta: citingMetaReader(sharedData("elife-articles-2012-2016")) })) {
    await store.writeArticle(a);
  }
}
if (!complete() || count(store.database, "SELECT max(rid) AS n FROM statements") < target) {
  if (!finishOnly) replicate(store);
  finish(store);
  built = true;
} else {
  // A file made by an earlier schema gained tables and indexes on opening: refresh the planner's statistics.
  store.database.exec("PRAGMA analysis_limit = 1000; ANALYZE;");
}
const buildS = (performance.now() - t0) / 1000;
await store.close();
store = openSqliteStore(file, { readonly: true });
const stats = await store.stats();
const rows = await measureQueries(store, benchQueries(records));
const bytes = databaseBytes(file);
await store.close();
console.log(`# Citelens scale benchmark\n\nMachine: ${machineLine()}\n`);
console.log(
  renderTable({
    stage: "query at scale",
    corpus: `${stats.statements.toLocaleString("en-US")} statements (eLife labeled statements replicated), ${stats.works.toLocaleString("en-US")} works`,
    rows: [
      ...rows,
      { query: "database bytes per statement", n: stats.statements, "p50 ms": Math.round(bytes / stats.statements) },
      {
        query: built
          ? finishOnly
            ? "finish (index) of a stopped build, s"
            : "build (write + replicate + index), s"
          : "build: reused existing file",
        n: 0,
        "p50 ms": Math.round(buildS),
      },
    ],
    notes: [
      "Targets (issue 4): report p95 <= 20 ms, search p95 <= 50 ms at 10 million statements.",
      "Replication: each copy re-inserts every real statement under a new id and a new citing work (see bench/scale.ts).",
      `Database file: ${file} (${(bytes / 2 ** 30).toFixed(2)} GiB).`,
    ],
  }),
);
