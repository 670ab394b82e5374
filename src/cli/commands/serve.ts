/** `citelens serve`: serves the web app and JSON API on an existing database. */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { choosePort, onShutdown, sqliteDataVersion, startServer } from "../../serve/server.js";
import { openSqliteStore } from "../../store/sqlite/index.js";
import { UsageError } from "../exit.js";

/** The database `serve` and `start` use when `--db` is not given. */
export const DEFAULT_DB = "citelens.db";

/** The port from `--port`, `$PORT` or 8080; a bad value is a usage error. */
export function portOption(option: string | undefined): number {
  try {
    return choosePort(option);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Serves `db` read-only until SIGINT/SIGTERM and prints the URL (shared by `serve` and `start`). */
export async function serveDatabase(db: string, port: number, opts: { host: string; cache: boolean }): Promise<void> {
  const store = openSqliteStore(db, { readonly: true });
  const app = opts.cache ? { cache: { version: sqliteDataVersion(db) } } : {};
  const server = await startServer(store, { port, hostname: opts.host, app });
  process.stdout.write(`Citelens is serving ${db} at ${server.url}\n`);
  onShutdown(async () => {
    await server.close();
    await store.close();
  });
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and the JSON API (http://localhost:8080; PORT or --port override)")
    .option("--db <file>", "SQLite database to serve", DEFAULT_DB)
    .option("--port <n>", "port to listen on (default: $PORT, else 8080)")
    .option("--host <name>", "interface to listen on", "0.0.0.0")
    .option("--no-cache", "render every request (no response cache)")
    .action(async (opts: { db: string; port?: string; host: string; cache: boolean }) => {
      if (!existsSync(opts.db))
        throw new UsageError(
          `no database at ${opts.db} (run citelens ingest --db ${opts.db} <files> first, or citelens start)`,
        );
      const port = portOption(opts.port);
      // Opening once for writing migrates an older schema; the server itself only reads.
      await openSqliteStore(opts.db).close();
      await serveDatabase(opts.db, port, opts);
    });
}
