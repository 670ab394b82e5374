/** SqliteStore: the Store contract on better-sqlite3 (synchronous; the async methods return settled promises). */
import Database from "better-sqlite3";
import type { Diagnostic } from "../../core/diagnostic.js";
import type { WorkId } from "../../core/ids.js";
import type {
  CorpusStats,
  ReferenceView,
  Report,
  ReportQuery,
  SearchQuery,
  SearchResult,
  Tallies,
  WorkTallies,
  WorkView,
} from "../../core/report.js";
import type { ArticleWrite, SourceRecord, Store, WorkCandidate } from "../../core/store.js";
import * as reads from "./reads.js";
import { report } from "./report.js";
import { toWorkView } from "./rows.js";
import { migrate, SCHEMA_VERSION } from "./schema.js";
import { search } from "./search.js";
import { Sql } from "./sql.js";
import { registerTextScore } from "./text-function.js";
import { findWorkRow } from "./works.js";
import * as write from "./write.js";

/** Options of openSqliteStore. */
export interface SqliteStoreOptions {
  /** Open without writing (the file must exist and be migrated). */
  readonly readonly?: boolean;
  /** The most matches a search ranks and counts exactly (default 1,000); more, and it samples the newest. */
  readonly searchSample?: number;
}

/** A Store in one SQLite file (WAL mode, foreign keys on, prepared statements cached). */
export class SqliteStore implements Store {
  private readonly sql: Sql;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    const readonly = options.readonly === true;
    let db: Database.Database;
    try {
      db = new Database(file, { readonly, fileMustExist: readonly });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot open the index ${file}: ${why}`);
    }
    if (!readonly) {
      if (file !== ":memory:") db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      // Checkpoint every ~64 MiB of WAL instead of 4 MiB: an ingest rewrites the same index and FTS pages
      // many times, and each checkpoint copies (and syncs) every page changed since the last one.
      db.pragma("wal_autocheckpoint = 16384");
      migrate(db);
    } else {
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        db.close();
        throw new Error(
          `${file} has schema version ${version}, this Citelens reads ${SCHEMA_VERSION}: open it once for writing to migrate`,
        );
      }
    }
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -65536");
    db.pragma("temp_store = MEMORY");
    registerTextScore(db);
    this.sql = new Sql(db, options.searchSample);
  }

  /**
   * Copies the committed WAL pages into the database without waiting for other connections (a PASSIVE
   * checkpoint): another connection can do most of a writer's checkpoint work while it writes.
   */
  checkpoint(): void {
    this.sql.db.pragma("wal_checkpoint(PASSIVE)");
  }

  /** The underlying connection, for benchmarks and maintenance (VACUUM, ANALYZE). */
  get database(): Database.Database {
    return this.sql.db;
  }

  async source(path: string): Promise<SourceRecord | null> {
    return reads.source(this.sql, path);
  }

  async writeArticle(article: ArticleWrite): Promise<void> {
    this.sql.db.transaction(() => write.writeArticle(this.sql, article))();
  }

  async writeArticles(articles: readonly ArticleWrite[]): Promise<void> {
    if (articles.length === 0) return;
    this.sql.db.transaction(() => {
      for (const article of articles) write.writeArticle(this.sql, article);
    })();
  }

  async recordFailure(source: ArticleWrite["source"], diagnostics: readonly Diagnostic[]): Promise<void> {
    this.sql.db.transaction(() => write.recordFailure(this.sql, source, diagnostics))();
  }

  async worksByTitleKey(titleKey: string): Promise<readonly WorkCandidate[]> {
    return reads.worksByTitleKey(this.sql, titleKey);
  }

  async unresolvedWorks(): Promise<readonly WorkCandidate[]> {
    return reads.unresolvedWorks(this.sql);
  }

  async mergeWorks(from: WorkId, into: WorkId): Promise<void> {
    this.sql.db.transaction(() => write.mergeWorks(this.sql, from, into))();
  }

  async mergeAll(merges: readonly { readonly from: WorkId; readonly into: WorkId }[]): Promise<void> {
    if (merges.length === 0) return;
    this.sql.db.transaction(() => {
      for (const m of merges) write.mergeWorks(this.sql, m.from, m.into);
    })();
  }

  async findWork(doiOrWorkId: string): Promise<WorkView | null> {
    const row = findWorkRow(this.sql, doiOrWorkId);
    return row === undefined ? null : toWorkView(row);
  }

  async report(workId: WorkId, query: ReportQuery): Promise<Report | null> {
    return report(this.sql, workId, query);
  }

  async references(workId: WorkId): Promise<readonly ReferenceView[]> {
    return reads.references(this.sql, workId);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return search(this.sql, query);
  }

  async tallies(workIds: readonly WorkId[]): Promise<ReadonlyMap<WorkId, Tallies>> {
    return reads.tallies(this.sql, workIds);
  }

  async topWorks(by: "supporting" | "contrasting" | "statements", limit: number): Promise<readonly WorkTallies[]> {
    return reads.topWorks(this.sql, by, limit);
  }

  async stats(): Promise<CorpusStats> {
    return reads.stats(this.sql);
  }

  async close(): Promise<void> {
    if (this.sql.db.open) this.sql.db.close();
  }
}
