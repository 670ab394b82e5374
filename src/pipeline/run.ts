/**
 * The pipeline runner: the one place that knows the stage order. Sources are read and hashed on the main
 * thread; parse, extract and classify run on a pool of worker threads; references are resolved and
 * articles written on the main thread, strictly in input order, so the database after an interrupted and
 * resumed run equals that of an uninterrupted one.
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../core/diagnostic.js";
import type { StageVersions, Store } from "../core/store.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { EXTRACTOR_VERSION } from "./extract/index.js";
import { buildArticle } from "./index/article.js";
import { listInputs, readInput, type SourceItem } from "./ingest/sources.js";
import { PARSER_VERSION } from "./parse/index.js";
import { RESOLVER_VERSION, Resolver, reresolveUnresolved } from "./resolve/index.js";
import type { Analyzed } from "./runner/analyze.js";
import { AnalyzePool } from "./runner/pool.js";
import { progressSink } from "./runner/progress.js";

/** Options of {@link ingest}. */
export interface IngestOptions {
  /** The SQLite database file (created when missing). */
  readonly db: string;
  /** Worker threads for parse/extract/classify (default: all cores). */
  readonly workers?: number;
  /** Progress on stderr: `auto` (a bar on a terminal, lines otherwise), `tty`, `lines` or `none`. */
  readonly progress?: "auto" | "tty" | "lines" | "none";
  readonly onProgress?: (p: { done: number; total: number }) => void;
}

/** What an ingest did. */
export interface IngestSummary {
  /** Articles written. */
  articles: number;
  /** Sources already stored with the same content and stage versions. */
  skipped: number;
  /** Sources that produced no article. */
  failed: number;
  statements: number;
  references: number;
  /** Share of this batch's references linked to a work with a DOI (by DOI or metadata), 0..1. */
  resolvedShare: number;
  diagnosticsByCode: Record<string, number>;
  elapsedMs: number;
  diagnostics: Diagnostic[];
}

type Outcome =
  | { readonly kind: "skipped" }
  | { readonly kind: "analyzed"; readonly name: string; readonly hash: string; readonly result: Analyzed };

/** How many files may wait between reading and writing (bounds memory). */
const WINDOW_PER_WORKER = 8;

/** Ingests files, folders (recursive) and archives into the store at options.db. */
export async function ingest(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const store = openSqliteStore(options.db);
  try {
    return await ingestInto(store, paths, options, started);
  } finally {
    await store.close();
  }
}

/** {@link ingest} into an open store (which stays open). */
export async function ingestInto(
  store: Store,
  paths: readonly string[],
  options: Omit<IngestOptions, "db">,
  started = Date.now(),
): Promise<IngestSummary> {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const diagnostics: Diagnostic[] = [];
  const summary: IngestSummary = {
    articles: 0,
    skipped: 0,
    failed: 0,
    statements: 0,
    references: 0,
    resolvedShare: 0,
    diagnosticsByCode: {},
    elapsedMs: 0,
    diagnostics,
  };
  const { pool, classifierVersion } = await AnalyzePool.start(workers);
  const versions: StageVersions = {
    parser: PARSER_VERSION,
    extractor: EXTRACTOR_VERSION,
    resolver: RESOLVER_VERSION,
    classifier: classifierVersion,
  };
  const sink = progressSink(options.progress ?? "auto");
  const resolver = new Resolver((key) => store.worksByTitleKey(key));
  let resolved = 0;
  let total = 0;
  let done = 0;
  const advance = () => {
    done++;
    sink.update(done, total);
    options.onProgress?.({ done, total });
  };

  // The queue holds each source's outcome in input order; the consumer writes them one by one.
  const queue: Promise<Outcome>[] = [];
  let producing = true;
  let wake: (() => void) | null = null;
  let space: (() => void) | null = null;
  let failure: unknown = null;
  const signal = () => {
    const w = wake as (() => void) | null;
    wake = null;
    if (w !== null) w();
  };
  const release = () => {
    const s = space as (() => void) | null;
    space = null;
    if (s !== null) s();
  };

  const consumer = (async () => {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (!producing) return;
        await new Promise<void>((r) => {
          wake = r;
        });
        continue;
      }
      release();
      const outcome = await next;
      if (outcome.kind === "skipped") summary.skipped++;
      else {
        const source = { path: outcome.name, contentHash: outcome.hash, versions };
        const { article, diagnostics: found } = outcome.result;
        diagnostics.push(...found);
        if (article === null) {
          await store.recordFailure(source, found);
          summary.failed++;
        } else {
          const write = await buildArticle(source, article, found, resolver);
          await store.writeArticle(write);
          summary.articles++;
          summary.statements += write.statements.length;
          summary.references += write.references.length;
          resolved += write.references.filter((r) => r.method !== "unresolved").length;
        }
      }
      advance();
      // Let worker messages in (results, and with them the next jobs) between two writes.
      await new Promise<void>((r) => setImmediate(r));
    }
  })().catch((error: unknown) => {
    // A store failure stops the batch; the producer sees it and stops reading.
    failure = error;
    release();
  });

  const enqueue = async (item: SourceItem) => {
    while (queue.length >= workers * WINDOW_PER_WORKER && failure === null) {
      await new Promise<void>((r) => {
        space = r;
      });
    }
    const hash = createHash("sha256").update(item.bytes).digest("hex");
    const known = await store.source(item.name);
    if (known !== null && known.contentHash === hash && sameVersions(known.versions, versions)) {
      queue.push(Promise.resolve({ kind: "skipped" }));
    } else {
      const copy = new Uint8Array(item.bytes);
      queue.push(pool.run(item.name, copy).then((result) => ({ kind: "analyzed", name: item.name, hash, result })));
    }
    signal();
  };

  try {
    const inputs = await listInputs(paths, diagnostics);
    total = inputs.filter((i) => i.kind === "article").length;
    for (const input of inputs) {
      for await (const item of readInput(input, diagnostics)) {
        if (failure !== null) break;
        if (input.kind !== "article") total++;
        await enqueue(item);
      }
    }
    producing = false;
    signal();
    await consumer;
    if (failure !== null) throw failure;
    await reresolveUnresolved(store);
  } finally {
    producing = false;
    signal();
    sink.stop();
    await pool.close();
  }
  summary.resolvedShare = summary.references === 0 ? 0 : resolved / summary.references;
  for (const d of diagnostics) summary.diagnosticsByCode[d.code] = (summary.diagnosticsByCode[d.code] ?? 0) + 1;
  summary.elapsedMs = Date.now() - started;
  return summary;
}

function sameVersions(a: StageVersions, b: StageVersions): boolean {
  return (
    a.parser === b.parser && a.extractor === b.extractor && a.resolver === b.resolver && a.classifier === b.classifier
  );
}
