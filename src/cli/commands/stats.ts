/** `citelens stats [--db FILE] [--json]`: counts over the whole index. */
import type { Command } from "commander";
import type { CorpusStats } from "../../core/report.js";
import { openIndex } from "./report.js";

/** Registers `stats` on the program. */
export function register(program: Command): void {
  program
    .command("stats")
    .description("Show corpus statistics: works, ingested articles, statements, references, tallies")
    .option("--db <file>", "the SQLite database", "./citelens.db")
    .option("--json", "print the CorpusStats document")
    .action(async (opts: { db: string; json?: boolean }) => {
      const store = openIndex(opts.db);
      if (store === null) return;
      try {
        const stats = await store.stats();
        process.stdout.write(opts.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
      } finally {
        await store.close();
      }
    });
}

/** The readable statistics. */
export function formatStats(s: CorpusStats): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${[
    `works                ${n(s.works)}`,
    `ingested articles    ${n(s.ingestedArticles)}`,
    `citation statements  ${n(s.statements)}`,
    `references           ${n(s.references)} (${(s.resolvedShare * 100).toFixed(1)}% to a work with a DOI)`,
    `supporting           ${n(s.tallies.supporting)}`,
    `mentioning           ${n(s.tallies.mentioning)}`,
    `contrasting          ${n(s.tallies.contrasting)}`,
  ].join("\n")}\n`;
}
