/**
 * `citelens extract PATH... [--jsonl]`: citation statements from JATS/TEI files, without an index.
 * With `--jsonl`, one JSON object per statement on stdout with exactly the fields of the `Statement`
 * contract (src/core/statement.ts); diagnostics go to stderr. A bad file never stops the others.
 */
import type { Command } from "commander";
import { type Diagnostic, formatDiagnostic } from "../../core/diagnostic.js";
import type { ExtractedStatement, Statement } from "../../core/statement.js";
import { extract } from "../../pipeline/extract/index.js";
import { listInputs, readInput } from "../../pipeline/ingest/sources.js";
import { parseBytes } from "../../pipeline/parse/index.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../exit.js";

/** One line of the summary table. */
interface FileRow {
  readonly file: string;
  readonly statements: number;
  readonly references: number;
  readonly diagnostics: number;
}

/** The contract fields of a statement, in contract order, without markerStart/markerEnd. */
export function contractFields(s: ExtractedStatement): Statement {
  return {
    citingDoi: s.citingDoi,
    refId: s.refId,
    marker: s.marker,
    sentence: s.sentence,
    before: s.before,
    after: s.after,
    section: s.section,
    sectionKind: s.sectionKind,
    paragraph: s.paragraph,
    start: s.start,
    end: s.end,
    cited: s.cited,
    subArticle: s.subArticle,
  };
}

/** Registers `extract` on the program. */
export function register(program: Command): void {
  program
    .command("extract")
    .description("Extract citation statements from JATS/TEI articles (files, folders, .gz, .tar.gz, .zip)")
    .argument("<paths...>", "files (.xml, .nxml, .xml.gz), folders (read recursively) and archives")
    .option("--jsonl", "print one JSON object per statement on stdout instead of a summary table")
    .option("--max-xml-mb <n>", "refuse an article larger than this many MiB of XML once decompressed (default 64)")
    .addHelpText(
      "after",
      "\nEach --jsonl line has the fields citingDoi, refId, marker, sentence, before, after, section,\n" +
        "sectionKind, paragraph, start, end, cited, subArticle. Diagnostics go to stderr as\n" +
        "`file:line:col: stage severity [code] reason`.\n" +
        "Exit codes: 0 ok, 1 some input had an error (the rest is still processed), 2 usage error.",
    )
    .action(async (paths: string[], opts: { jsonl?: boolean; maxXmlMb?: string }) => {
      const mb = opts.maxXmlMb === undefined ? undefined : Number(opts.maxXmlMb);
      if (mb !== undefined && !(Number.isFinite(mb) && mb > 0)) {
        throw new UsageError(`--max-xml-mb must be a positive number of MiB, not "${opts.maxXmlMb}"`);
      }
      const failed = await run(paths, opts.jsonl === true, mb === undefined ? undefined : Math.floor(mb * 2 ** 20));
      process.exitCode = failed ? EXIT_INPUT : EXIT_OK;
    });
}

/** Set when the reader of stdout has gone (`... --jsonl | head`): stop quietly instead of crashing. */
let stdoutClosed = false;
/** Resolves a write that waits for "drain" when stdout closes instead. */
let wakeWriter: (() => void) | null = null;

function watchStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stdoutClosed = true;
    wakeWriter?.();
  });
}

/** Extracts every input; returns true when any error diagnostic was printed. */
async function run(paths: readonly string[], jsonl: boolean, maxXmlBytes: number | undefined): Promise<boolean> {
  watchStdout();
  let failed = false;
  const report = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      if (d.severity === "error") failed = true;
      process.stderr.write(`${formatDiagnostic(d)}\n`);
    }
  };
  const listing: Diagnostic[] = [];
  const inputs = await listInputs(paths, listing);
  report(listing);
  const rows: FileRow[] = [];
  for (const input of inputs) {
    if (stdoutClosed) break;
    const reading: Diagnostic[] = [];
    for await (const item of readInput(input, reading)) {
      if (stdoutClosed) break;
      const parsed = parseBytes(item.name, item.bytes, maxXmlBytes === undefined ? {} : { maxXmlBytes });
      const found = [...parsed.diagnostics];
      let statements: ExtractedStatement[] = [];
      if (parsed.document !== null) {
        const extracted = extract(parsed.document, item.name);
        statements = extracted.statements;
        found.push(...extracted.diagnostics);
      }
      report(found);
      if (jsonl) await writeLines(statements.map((s) => JSON.stringify(contractFields(s))));
      rows.push({
        file: item.name,
        statements: statements.length,
        references: parsed.document?.references.length ?? 0,
        diagnostics: found.length,
      });
    }
    report(reading);
  }
  if (!jsonl) await writeLines(formatTable(rows));
  return failed;
}

/** Writes lines to stdout, waiting when the pipe is full so memory stays bounded. */
async function writeLines(lines: readonly string[]): Promise<void> {
  if (lines.length === 0 || stdoutClosed) return;
  if (!process.stdout.write(`${lines.join("\n")}\n`)) {
    await new Promise<void>((resolve) => {
      wakeWriter = resolve;
      process.stdout.once("drain", resolve);
    });
    wakeWriter = null;
  }
}

/** The per-file summary table, with a total line. */
export function formatTable(rows: readonly FileRow[]): string[] {
  const sum = (k: "statements" | "references" | "diagnostics") => rows.reduce((n, r) => n + r[k], 0);
  const all = [
    ["file", "statements", "references", "diagnostics"],
    ...rows.map((r) => [r.file, String(r.statements), String(r.references), String(r.diagnostics)]),
    [`total (${rows.length} files)`, String(sum("statements")), String(sum("references")), String(sum("diagnostics"))],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const body = all.map(line);
  return [body[0] ?? "", rule, ...body.slice(1, -1), rule, body.at(-1) ?? ""];
}
