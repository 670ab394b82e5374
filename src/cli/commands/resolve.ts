/** `citelens resolve --jsonl | --eval`: resolve references read as JSON lines, or evaluate metadata matching. */
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import type { Store } from "../../core/store.js";
import { sharedData } from "../../paths.js";
import { evaluateResolution, parseJsonlReference, RESOLVER_VERSION, Resolver } from "../../pipeline/resolve/index.js";
import { openSqliteStore } from "../../store/sqlite/index.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../exit.js";

/** Registers `resolve` on the program. */
export function register(program: Command): void {
  program
    .command("resolve")
    .description("Resolve references to works (--jsonl: stdin to stdout), or evaluate metadata matching (--eval)")
    .option(
      "--jsonl",
      "read {id, doi?, title?, authors?, year?, journal?, raw?} lines on stdin, write {id, workId, doi, score, method}",
    )
    .option("--db <file>", "match against the works of this index (when it exists)", "./citelens.db")
    .option(
      "--eval [paths...]",
      "hide 20% of reference DOIs in a corpus (default: the eLife corpus) and measure P/R/F1",
    )
    .option("--seed <n>", "seed of the hidden references (--eval)", "42")
    .option("--json", "print the evaluation as JSON")
    .action(async (opts: { jsonl?: boolean; db: string; eval?: boolean | string[]; seed: string; json?: boolean }) => {
      if (opts.jsonl && opts.eval) throw new UsageError("use --jsonl or --eval, not both");
      if (opts.eval) return evaluate(opts.eval === true ? [] : opts.eval, Number(opts.seed), opts.json === true);
      if (opts.jsonl) return jsonl(opts.db);
      throw new UsageError("say --jsonl (resolve lines from stdin) or --eval (evaluate on a corpus)");
    });
}

async function jsonl(db: string): Promise<void> {
  const store: Store | null = existsSync(db) ? openSqliteStore(db) : null;
  const resolver = new Resolver(store === null ? undefined : (key) => store.worksByTitleKey(key));
  let bad = 0;
  let n = 0;
  try {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      n++;
      if (line.trim() === "") continue;
      const parsed = parseJsonlReference(line);
      if ("error" in parsed) {
        bad++;
        process.stderr.write(`stdin:${n}: resolve error [bad-line] ${parsed.error}\n`);
        continue;
      }
      const r = await resolver.resolve(parsed.ref);
      const out = { id: parsed.ref.id, workId: r.cited.workId, doi: r.cited.doi, score: r.score, method: r.method };
      if (!process.stdout.write(`${JSON.stringify(out)}\n`))
        await new Promise((ok) => process.stdout.once("drain", ok));
    }
  } finally {
    await store?.close();
  }
  process.exitCode = bad > 0 ? EXIT_INPUT : EXIT_OK;
}

async function evaluate(paths: string[], seed: number, json: boolean): Promise<void> {
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be an integer");
  const corpus = paths.length > 0 ? paths : [sharedData("elife-articles-2012-2016", "xml")];
  if (corpus.some((p) => p === null))
    throw new UsageError("no corpus given and ../shared/data/elife-articles-2012-2016 is absent");
  const started = Date.now();
  const { corpusReferences } = await import("../../pipeline/runner/corpus.js");
  const { references, articles } = await corpusReferences(corpus as string[]);
  const result = evaluateResolution(references, { seed });
  if (json) {
    process.stdout.write(`${JSON.stringify({ resolver: RESOLVER_VERSION, seed, articles, ...result })}\n`);
    return;
  }
  const pct = (x: number) => (x * 100).toFixed(2);
  const out = [
    `resolver ${RESOLVER_VERSION}: ${articles} articles, ${result.references} references, ${result.withDoi} with a DOI`,
    `hidden ${result.hidden} (seed ${seed}), of which ${result.resolvable} have their work among the ${result.knownWorks} known works`,
    "",
    "threshold  predicted  correct  precision  recall     F1  | lenient: precision  recall     F1",
    ...result.sweep.map(
      (p) =>
        `${p.threshold.toFixed(2).padStart(9)}  ${String(p.predicted).padStart(9)}  ${String(p.correct).padStart(7)}  ` +
        `${pct(p.precision).padStart(9)}  ${pct(p.recall).padStart(6)}  ${pct(p.f1).padStart(5)}  |  ` +
        `${pct(p.precisionLenient).padStart(17)}  ${pct(p.recallLenient).padStart(6)}  ${pct(p.f1Lenient).padStart(5)}` +
        (p.threshold === result.at.threshold ? "   <- used" : ""),
    ),
    "",
    `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}
