/**
 * The store writer thread of an ingest: it owns the write connection. Statements arrive from the analysis
 * workers (by job id), resolved articles and failures from the runner, in input order; it joins them and
 * commits whole articles in groups, strictly in the order the runner sent them.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ArticleWrite } from "../../core/store.js";
import { openSqliteStore } from "../../store/sqlite/index.js";
import { joinArticle, type PreparedStatement } from "../index/article.js";
import type { StatementsMessage, WriterData, WriterReply, WriterRequest } from "./messages.js";

/** Articles are committed in groups (one transaction each) of at most this many... */
const GROUP_ARTICLES = 64;
/** ...or this many milliseconds after the first of the group was joined, whichever comes first. */
const GROUP_MS = 250;

const port = (() => {
  if (parentPort === null) throw new Error("runner/writer.js must be started as a worker thread");
  return parentPort;
})();
const reply = (m: WriterReply) => port.postMessage(m);
// Commits here still checkpoint every 64 MiB of WAL (so the WAL restarts), but the runner's connection
// has copied most pages by then (runner/DESIGN.md).
const store = openSqliteStore((workerData as WriterData).db);

/** Statements that arrived before their article's resolution, and those awaited, by job id. */
const arrived = new Map<number, readonly PreparedStatement[]>();
const awaited = new Map<number, (s: readonly PreparedStatement[]) => void>();
/** Jobs whose file failed after the worker sent statements: late statements are dropped. */
const dropped = new Set<number>();

function onStatements(m: StatementsMessage): void {
  if (dropped.delete(m.id)) return;
  const waiter = awaited.get(m.id);
  if (waiter !== undefined) {
    awaited.delete(m.id);
    waiter(m.statements);
  } else arrived.set(m.id, m.statements);
}

function statementsOf(id: number): Promise<readonly PreparedStatement[]> | readonly PreparedStatement[] {
  const s = arrived.get(id);
  if (s !== undefined) {
    arrived.delete(id);
    return s;
  }
  return new Promise((resolve) => awaited.set(id, resolve));
}

let group: ArticleWrite[] = [];
let groupSince = 0;

async function commit(): Promise<void> {
  const articles = group;
  group = [];
  if (articles.length === 0) return;
  await store.writeArticles(articles);
  reply({ type: "committed", count: articles.length });
}

async function handle(m: WriterRequest): Promise<void> {
  switch (m.type) {
    case "port":
      m.port.on("message", onStatements);
      return;
    case "article": {
      const statements = await statementsOf(m.id);
      if (group.length === 0) groupSince = Date.now();
      group.push(joinArticle(m.source, m.resolved, statements, m.diagnostics));
      if (group.length >= GROUP_ARTICLES || Date.now() - groupSince >= GROUP_MS) await commit();
      return;
    }
    case "failure":
      if (m.id !== null && !arrived.delete(m.id)) dropped.add(m.id);
      await commit(); // keeps the input order of commits
      await store.recordFailure(m.source, m.diagnostics); // its own transaction
      reply({ type: "committed", count: 1 });
      return;
    case "end":
      await commit();
      await store.close();
      reply({ type: "closed" });
      port.close();
      return;
  }
}

// One request at a time, in arrival order; after a store error nothing more is written.
let chain: Promise<void> = Promise.resolve();
let failed = false;
port.on("message", (m: WriterRequest) => {
  chain = chain.then(async () => {
    if (failed) return;
    try {
      await handle(m);
    } catch (error) {
      failed = true;
      reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
      await store.close().catch(() => {});
    }
  });
});
reply({ type: "ready" });
