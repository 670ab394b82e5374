/** `citelens ingest PATH... [--db FILE] [--workers N]`: files, folders and archives into the index. */
import type { Command } from "commander";
import { formatDiagnostic } from "../../core/diagnostic.js";
import type { IngestSummary } from "../../pipeline/run.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../exit.js";
import { integerOption } from "../options.js";

/** Registers `ingest` on the program. */
export function register(program: Command): void {
  program
    .command("ingest")
    .description(
      "Ingest JATS/TEI articles (files, folders, .gz, .tar.gz, .zip) into the index; skips what is already stored",
    )
    .argument("<paths...>", "files, folders (read recursively) and archives")
    .option("--db <file>", "the SQLite database", "./citelens.db")
    .option("--workers <n>", "worker threads for parse/extract/classify (default: all cores)")
    .option("--progress <mode>", "auto | tty | lines | none", "auto")
    .option("--json", "print the summary as JSON on stdout")
    .action(async (paths: string[], opts: { db: string; workers?: string; progress: string; json?: boolean }) => {
      const workers = opts.workers === undefined ? undefined : integerOption("--workers", opts.workers);
      if (!["auto", "tty", "lines", "none"].includes(opts.progress)) {
        throw new UsageError(`--progress must be auto, tty, lines or none, not "${opts.progress}"`);
      }
      // Loaded on use: the pipeline (workers, store, stages) is not needed to list commands.
      const { ingest } = await import("../../pipeline/run.js");
      const summary = await ingest(paths, {
        db: opts.db,
        ...(workers === undefined ? {} : { workers }),
        progress: opts.progress as "auto" | "tty" | "lines" | "none",
      });
      for (const d of summary.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...summary, diagnostics: undefined })}\n`);
      process.stderr.write(formatSummary(summary));
      process.exitCode = summary.diagnostics.some((d) => d.severity === "error") ? EXIT_INPUT : EXIT_OK;
    });
}

/** The closing summary printed after an ingest. */
export function formatSummary(s: IngestSummary): string {
  const seconds = s.elapsedMs / 1000;
  const lines = [
    `ingested ${s.articles} articles (${s.skipped} unchanged, skipped; ${s.failed} failed) in ${seconds.toFixed(1)} s` +
      (s.articles > 0 ? ` (${(s.articles / seconds).toFixed(1)} articles/s)` : ""),
    `${s.statements} statements, ${s.references} references, ${(s.resolvedShare * 100).toFixed(1)}% resolved to a DOI`,
  ];
  const codes = Object.entries(s.diagnosticsByCode).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (codes.length > 0) lines.push(`diagnostics: ${codes.map(([c, n]) => `${c} ${n}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
