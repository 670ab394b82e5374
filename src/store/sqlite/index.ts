/** The embedded store: the Store contract on one SQLite file. */
import { SqliteStore, type SqliteStoreOptions } from "./store.js";

export { SCHEMA_VERSION } from "./schema.js";
export { SqliteStore, type SqliteStoreOptions } from "./store.js";

/** Opens (creating and migrating when needed) the SQLite database at `file` (":memory:" allowed). */
export function openSqliteStore(file: string, options?: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(file, options);
}
