/**
 * The pipeline runner: the one place that knows the stage order. Sources are read and hashed on the main
 * thread; parse, extract and classify run on a pool of worker threads; references are resolved and
 * articles written on the main thread, strictly in input order, so the database after an interrupted and
 * resumed run equals that of an uninterrupted one.
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../core/diagnostic.js";
import type { ArticleWrite, StageVersions, Store } from "../core/store.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { EXTRACTOR_VERSION } from "./extract/index.js";
import { buildArticle } from "./index/article.js";
import { listInputs, readInput, type SourceItem } from "./ingest/sources.js";
import { PARSER_VERSION } from "./parse/index.js";
import { RESOLVER_VERSION, Resolver, reresolveUnresolved } from "./resolve/index.js";
import type { Analyzed } from "./runner/analyze.js";
import { OrderedQueue } from "./runner/ordered-queue.js";
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
/** Articles are committed in groups (one transaction each) of at most this many... */
const GROUP_ARTICLES = 64;
/** ...or this many milliseconds after the first of the group was built, whichever comes first. */
const GROUP_MS = 250;

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

  // Each source's outcome is queued in input order and written in that order. Built articles are
  // committed in groups (Store.writeArticles, one transaction holding whole articles only), so what is
  // committed is always a prefix of the input: a rerun after kill -9 skips it and writes the rest
  // identically (the resolver already sees the works of built but uncommitted articles).
  const queue = new OrderedQueue<Outcome>(workers * WINDOW_PER_WORKER);
  let group: ArticleWrite[] = [];
  let groupSince = 0;
  const commit = async (): Promise<void> => {
    if (group.length === 0) return;
    const articles = group;
    group = [];
    await store.writeArticles(articles);
  };
  const write = async (outcome: Outcome): Promise<void> => {
    if (outcome.kind === "skipped") summary.skipped++;
    else {
      const source = { path: outcome.name, contentHash: outcome.hash, versions };
      const { article, diagnostics: found } = outcome.result;
      diagnostics.push(...found);
      if (article === null) {
        await commit(); // keeps the input order of commits
        await store.recordFailure(source, found);
        summary.failed++;
      } else {
        const built = await buildArticle(source, article, found, resolver);
        if (group.length === 0) groupSince = Date.now();
        group.push(built);
        if (group.length >= GROUP_ARTICLES || Date.now() - groupSince >= GROUP_MS) await commit();
        summary.articles++;
        summary.statements += built.statements.length;
        summary.references += built.references.length;
        resolved += built.references.filter((r) => r.method !== "unresolved").length;
      }
    }
    advance();
    // Let worker messages in (results, and with them the next jobs) between two writes.
    await new Promise<void>((r) => setImmediate(r));
  };
  // Skip check now; analysis started now, on a worker. (Wrapped: an async function would flatten the promise.)
  const outcomeOf = async (item: SourceItem): Promise<{ outcome: Promise<Outcome> }> => {
    const hash = createHash("sha256").update(item.bytes).digest("hex");
    const known = await store.source(item.name);
    if (known !== null && known.contentHash === hash && sameVersions(known.versions, versions)) {
      return { outcome: Promise.resolve({ kind: "skipped" }) };
    }
    const result = pool.run(item.name, new Uint8Array(item.bytes));
    return { outcome: result.then((r) => ({ kind: "analyzed", name: item.name, hash, result: r })) };
  };

  const writing = queue.drain(write);
  writing.catch(() => {}); // awaited below; a store failure stops the reading loop first
  try {
    const inputs = await listInputs(paths, diagnostics);
    total = inputs.filter((i) => i.kind === "article").length;
    read: for (const input of inputs) {
      for await (const item of readInput(input, diagnostics)) {
        if (queue.isStopped) break read;
        if (input.kind !== "article") total++;
        await queue.push((await outcomeOf(item)).outcome);
      }
    }
    queue.end();
    try {
      await writing;
    } catch (e) {
      // The articles built before the failure are kept, as if each had been committed on its own.
      await commit().catch(() => {});
      throw e;
    }
    await commit();
    await reresolveUnresolved(store);
  } finally {
    queue.end();
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
