/**
 * `citelens start` (what `npm start` runs): when the database has no ingested article, ingests the
 * sample corpus (the eLife corpus from ../shared/data when present, else samples/) with a progress bar,
 * then serves the app and prints its URL.
 */
import type { Command } from "commander";
import { SAMPLES_DIR, sharedData } from "../../paths.js";
import { ingest } from "../../pipeline/run.js";
import { openSqliteStore } from "../../store/sqlite/index.js";
import { DEFAULT_DB, portOption, serveDatabase } from "./serve.js";

/** The corpus `start` ingests into an empty database. */
export function sampleCorpus(): { readonly path: string; readonly name: string } {
  const elife = sharedData("elife-articles-2012-2016", "xml");
  return elife !== null
    ? { path: elife, name: "the eLife 2012-2016 corpus (../shared/data)" }
    : { path: SAMPLES_DIR, name: "the sample corpus (samples/)" };
}

export function register(program: Command): void {
  program
    .command("start")
    .description("ingest the sample corpus if the database is empty, then serve the web app (what npm start runs)")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--port <n>", "port to listen on (default: $PORT, else 8080)")
    .option("--host <name>", "interface to listen on", "0.0.0.0")
    .option("--no-cache", "render every request (no response cache)")
    .action(async (opts: { db: string; port?: string; host: string; cache: boolean }) => {
      const port = portOption(opts.port);
      const probe = openSqliteStore(opts.db);
      const { ingestedArticles } = await probe.stats();
      await probe.close();
      if (ingestedArticles === 0) {
        const corpus = sampleCorpus();
        process.stdout.write(`${opts.db} is empty: ingesting ${corpus.name} from ${corpus.path}\n`);
        const summary = await ingest([corpus.path], { db: opts.db, progress: "auto" });
        process.stdout.write(
          `Ingested ${summary.articles} articles (${summary.statements} statements, ${summary.failed} failed) in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`,
        );
      }
      await serveDatabase(opts.db, port, opts);
    });
}
