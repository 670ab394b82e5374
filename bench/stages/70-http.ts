/**
 * HTTP benchmark: report latency (p50/p95/p99) under 50 concurrent keep-alive connections for 30 s, against
 * the real server (`citelens serve`, a child process on 127.0.0.1) on a database ingested from the whole
 * eLife 2012-2016 corpus by the real pipeline. The load generator is plain Node `http` with a bounded
 * duration; each connection loops over report URLs of the most-cited works (the heaviest reports).
 *
 * The database is `$CITELENS_BENCH_DB`, else `.bench/elife-full.db` (built with `ingest` when missing;
 * the samples/ corpus when ../shared/data is absent). `CITELENS_BENCH_HTTP_SECONDS` shortens the run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { PACKAGE_ROOT, SAMPLES_DIR, sharedData } from "../../src/paths.js";
import { ingest } from "../../src/pipeline/run.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import type { BenchTable } from "../table.js";

const CONCURRENCY = 50;

async function database(): Promise<{ db: string; corpus: string }> {
  const elife = sharedData("elife-articles-2012-2016", "xml");
  const corpus = elife ? "eLife 2012-2016, all 1,979 JATS articles" : "samples/ (25 eLife articles)";
  const db = process.env.CITELENS_BENCH_DB ?? join(PACKAGE_ROOT, ".bench", elife ? "elife-full.db" : "samples.db");
  mkdirSync(dirname(db), { recursive: true });
  const store = openSqliteStore(db); // creates, or migrates an older schema
  const stats = await store.stats();
  await store.close();
  if (stats.ingestedArticles === 0) {
    console.error(`70-http: ingesting ${corpus} into ${db} (once)...`);
    await ingest([elife ?? SAMPLES_DIR], { db, progress: "lines" });
  }
  return { db, corpus };
}

function startChild(db: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const main = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
  const child = spawn(process.execPath, [main, "serve", "--db", db, "--port", "0", "--host", "127.0.0.1", ...extra], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once("exit", (code) => reject(new Error(`citelens serve exited with ${code}`)));
  });
}

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

interface Run {
  readonly latencies: number[];
  readonly errors: number;
  readonly seconds: number;
}

async function load(port: number, paths: readonly string[], seconds: number): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length] as string;
      const t = performance.now();
      try {
        const status = await get(agent, port, path);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/** Requests every path once (4 at a time), so the measured run starts warm. */
async function warm(port: number, paths: readonly string[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let next = 0;
  const worker = async () => {
    while (next < paths.length) await get(agent, port, paths[next++] as string).catch(() => 0);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  agent.destroy();
}

function row(label: string, r: Run): Record<string, string | number> {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    endpoint: label,
    connections: CONCURRENCY,
    seconds: Number(r.seconds.toFixed(1)),
    requests: sorted.length,
    "req/s": Math.round(sorted.length / r.seconds),
    "p50 ms": Number(q(0.5).toFixed(1)),
    "p95 ms": Number(q(0.95).toFixed(1)),
    "p99 ms": Number(q(0.99).toFixed(1)),
    "max ms": Number((sorted.at(-1) ?? 0).toFixed(1)),
    errors: r.errors,
  };
}

export async function run(): Promise<BenchTable> {
  const { db, corpus } = await database();
  const store = openSqliteStore(db, { readonly: true });
  const top = await store.topWorks("statements", 200);
  const stats = await store.stats();
  await store.close();
  const keys = top.map((t) => t.work.doi ?? t.work.workId);
  const seconds = Number(process.env.CITELENS_BENCH_HTTP_SECONDS ?? 30);
  const pages = keys.map((k) => `/works/${k}`);
  const rows: Record<string, string | number>[] = [];
  const cached = await startChild(db);
  try {
    await warm(cached.port, pages); // one pass fills the response cache
    rows.push(
      row("GET /works/{doi} (report page), response cache on (default)", await load(cached.port, pages, seconds)),
    );
    const api = keys.map((k) => `/api/works/${k}`);
    await warm(cached.port, api);
    rows.push(
      row(
        "GET /api/works/{doi} (report JSON), response cache on",
        await load(cached.port, api, Math.max(1, Math.round(seconds / 3))),
      ),
    );
  } finally {
    cached.child.kill("SIGTERM");
  }
  const uncached = await startChild(db, ["--no-cache"]);
  try {
    await warm(uncached.port, pages.slice(0, 20));
    rows.push(
      row(
        "GET /works/{doi} (report page), --no-cache",
        await load(uncached.port, pages, Math.max(1, Math.round(seconds / 2))),
      ),
    );
  } finally {
    uncached.child.kill("SIGTERM");
  }
  return {
    stage: "70 http (report latency)",
    corpus: `${corpus}: ${stats.ingestedArticles.toLocaleString("en-US")} articles, ${stats.statements.toLocaleString("en-US")} statements`,
    rows,
    notes: [
      "Target: p95 <= 50 ms for the report page under 50 concurrent connections for 30 s.",
      `Server: citelens serve (one Node process, SQLite read-only) on 127.0.0.1; client: ${CONCURRENCY} keep-alive connections in a second Node process on the same machine, each looping over the report URLs of the 200 most-cited works (the heaviest reports), latency from request to last byte.`,
      "With the cache on (the default) the 200 URLs are served from the response cache after a warm-up pass over them (it stays valid until the database files change): this is the repeat-visit figure. The --no-cache row renders every request: an unfiltered report page runs four store reads (the report, the strongest supporting and contrasting statements for the summary, the references) and costs about 10-15 ms of CPU, so 50 concurrent connections queue on one process.",
    ],
  };
}
