/** The default of SqliteStoreOptions.searchSample. */
export const DEFAULT_SEARCH_SAMPLE = 1000;

/** A database handle with a cache of prepared statements (each SQL text is prepared once). */
import type Database from "better-sqlite3";

/** Bind parameters: positional values or one object of named values. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

/** The database and its prepared-statement cache, shared by the store's read and write functions. */
export class Sql {
  private readonly cache = new Map<string, Database.Statement>();

  /**
   * @param searchSample the most matches a search ranks and counts exactly; with more it samples the
   *   newest this many (see SearchResult.sampled).
   */
  constructor(
    readonly db: Database.Database,
    readonly searchSample = DEFAULT_SEARCH_SAMPLE,
  ) {}

  /** The prepared statement for `text`, prepared on first use. */
  prep(text: string): Database.Statement {
    let stmt = this.cache.get(text);
    if (stmt === undefined) {
      stmt = this.db.prepare(text);
      this.cache.set(text, stmt);
    }
    return stmt;
  }

  /** Every row of a query. */
  all<T>(text: string, params: Params = []): T[] {
    return bind(this.prep(text), params, (s, p) => s.all(...p)) as T[];
  }

  /** The first row of a query, or undefined. */
  get<T>(text: string, params: Params = []): T | undefined {
    return bind(this.prep(text), params, (s, p) => s.get(...p)) as T | undefined;
  }

  /** Runs a statement that returns no rows. */
  run(text: string, params: Params = []): Database.RunResult {
    return bind(this.prep(text), params, (s, p) => s.run(...p));
  }
}

function bind<R>(stmt: Database.Statement, params: Params, f: (s: Database.Statement, p: unknown[]) => R): R {
  return f(stmt, Array.isArray(params) ? [...(params as unknown[])] : [params]);
}
