/** `citelens report DOI [--db FILE] [--json]`: the report of one work, as a readable summary or as JSON. */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { normalizeDoi, parseWorkId } from "../../core/ids.js";
import type { Report, ReportOrder } from "../../core/report.js";
import { STANCES, type Stance } from "../../core/statement.js";
import { openSqliteStore, type SqliteStore } from "../../store/sqlite/index.js";
import { EXIT_INPUT, UsageError } from "../exit.js";
import { integerOption } from "../options.js";

/** Registers `report` on the program. */
export function register(program: Command): void {
  program
    .command("report")
    .description("Show the citation report of a work: tallies, citing publications and their statements")
    .argument("<doi>", "the work's DOI (any form: 10.x/y, https://doi.org/..., doi:...) or work id")
    .option("--db <file>", "the SQLite database", "./citelens.db")
    .option("--json", "print exactly the Report document (as GET /api/works/{doi} returns it)")
    .option("--order <order>", "relevance | newest | oldest", "relevance")
    .option("--stance <list>", "only these stances (comma-separated: supporting,mentioning,contrasting)")
    .option("--page <n>", "page of citing publications", "1")
    .action(async (doi: string, opts: { db: string; json?: boolean; order: string; stance?: string; page: string }) => {
      if (normalizeDoi(doi) === null && parseWorkId(doi.trim()) === null) {
        throw new UsageError(`"${doi}" is not a DOI (10.NNNN/...) or a work id`);
      }
      if (!["relevance", "newest", "oldest"].includes(opts.order)) {
        throw new UsageError(`--order must be relevance, newest or oldest, not "${opts.order}"`);
      }
      const page = integerOption("--page", opts.page);
      const stance = parseStances(opts.stance);
      const store = openIndex(opts.db);
      if (store === null) return;
      try {
        const work = await store.findWork(doi);
        const report =
          work === null
            ? null
            : await store.report(work.workId, {
                order: opts.order as ReportOrder,
                page,
                ...(stance === undefined ? {} : { stance }),
              });
        if (report === null) {
          process.stderr.write(`citelens: no work ${doi} in ${opts.db}\n`);
          process.exitCode = EXIT_INPUT;
          return;
        }
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
      } finally {
        await store.close();
      }
    });
}

/**
 * Opens an index for reading; prints why and sets exit code 1 when there is none.
 * Shared by report, search and stats.
 */
export function openIndex(db: string): SqliteStore | null {
  if (!existsSync(db)) {
    process.stderr.write(`citelens: no index at ${db} (create one with: citelens ingest PATH --db ${db})\n`);
    process.exitCode = EXIT_INPUT;
    return null;
  }
  try {
    return openSqliteStore(db, { readonly: true });
  } catch (error) {
    if (!(error instanceof Error && /schema version/.test(error.message))) throw error;
    // Written by an earlier Citelens: migrate once, then read.
    openSqliteStore(db).database.close();
    return openSqliteStore(db, { readonly: true });
  }
}

/** Parses `--stance a,b`; a usage error for an unknown stance. */
export function parseStances(list: string | undefined): Stance[] | undefined {
  if (list === undefined) return undefined;
  const stances = list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const s of stances) {
    if (!(STANCES as readonly string[]).includes(s)) {
      throw new UsageError(`unknown stance "${s}": use ${STANCES.join(", ")}`);
    }
  }
  return stances as Stance[];
}

/** Document text with terminal control characters (escape sequences) made harmless. */
export function plain(text: string | null | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return (text ?? "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, " ");
}

/** The readable summary of a report. */
export function formatReport(r: Report): string {
  const w = r.work;
  const t = r.tallies;
  const lines = [
    plain(w.title ?? "(untitled)"),
    [w.doi ? `doi:${w.doi}` : w.workId, w.journal, w.year]
      .filter((x) => x != null)
      .map(String)
      .map(plain)
      .join(" · "),
    "",
    `supporting ${t.supporting}   mentioning ${t.mentioning}   contrasting ${t.contrasting}`,
    `${r.statementCount} citation statements from ${r.citingPublications} citing publications` +
      (w.ingested ? `; cites ${r.referenceCount} works` : ""),
  ];
  if (r.statements.length > 0) {
    lines.push(
      "",
      `Citing publications ${(r.page.page - 1) * r.page.pageSize + 1}-${(r.page.page - 1) * r.page.pageSize + r.statements.length} of ${r.page.matchingPublications} (${r.page.order}):`,
    );
  }
  for (const g of r.statements) {
    const c = g.citing;
    lines.push("", `  ${plain(c.title ?? "(untitled)")} (${c.year ?? "n.d."})${c.doi ? ` doi:${c.doi}` : ""}`);
    for (const s of g.statements) {
      lines.push(
        `    [${s.stance} ${s.confidence.toFixed(2)} · ${plain(s.section) || s.sectionKind}] ${plain(s.sentence)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
