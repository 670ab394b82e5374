/**
 * Query benchmark: report and search latency and database bytes per statement, on two databases:
 * (1) the labeled eLife statements (../shared/data/elife-stance-train, 10,781 statements of 843
 * articles, citing metadata from the JATS files) written through Store.writeArticle, which isolates the
 * store and also gives the write rate; (2) the whole eLife corpus (elife-articles-2012-2016) ingested by
 * the pipeline (`ingest` in src/pipeline/run.ts), when it runs. `npm run bench:scale` repeats the
 * measurements at 10 million statements.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { WorkId } from "../../src/core/ids.js";
import type { StoreReader } from "../../src/core/report.js";
import { sharedData } from "../../src/paths.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import {
  buildArticles,
  citingMetaReader,
  readStanceRecords,
  type StanceRecord,
  unmark,
} from "../../test/store/elife-builder.js";
import type { BenchTable } from "../table.js";

/** Queries a reader of citation statements would type: negations, phrases, booleans, single terms. */
const HAND_QUERIES = [
  '"did not replicate"',
  '"not consistent with"',
  '"consistent with previous"',
  '"in contrast to"',
  '"in agreement with"',
  '"contrary to"',
  '"could not be reproduced"',
  '"failed to detect"',
  '"as previously described"',
  '"was not observed"',
  "replicate",
  "contradict*",
  "discrepancy",
  "consistent AND previous",
  "confirm OR corroborate",
  "inconsistent NOT model",
  "mice -rats",
  "zebrafish",
  "drosophila",
  "CRISPR",
  "optogenetic*",
  "hippocampus",
  "mitochondria",
  "ribosome",
  "chromatin",
  "transcription factor",
  '"cryo-EM"',
  "kinase phosphorylation",
  "synaptic plasticity",
  "cell cycle",
  "(yeast OR bacteria) AND growth",
  "not",
  "however",
  "we found",
  '"we found that"',
  '"similar to"',
  '"in line with"',
  '"opposite to"',
  "unlike",
  "previously reported",
];

/** A hundred queries: the hand-written ones, then two-word phrases taken from real sentences (deterministic). */
export function benchQueries(records: readonly StanceRecord[]): string[] {
  const queries = [...HAND_QUERIES];
  const step = Math.max(1, Math.floor(records.length / 80));
  for (let i = 0; queries.length < 100 && i < records.length; i += step) {
    const words = unmark(records[i]?.sentence ?? "")
      .sentence.split(/[^\p{L}\p{N}-]+/u)
      .filter((w) => w.length >= 5 && !/\d/.test(w));
    const a = words[Math.floor(words.length / 2)];
    const b = words[Math.floor(words.length / 2) + 1];
    if (a && b) queries.push(i % 2 === 0 ? `"${a} ${b}"` : `${a} ${b}`);
  }
  return queries.slice(0, 100);
}

/** p50 and p95 of a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

/** Wall and CPU milliseconds of one call (CPU time is this process's, so it leaves out waiting for a core). */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function timed(f: () => Promise<unknown>): Promise<Timing> {
  const c = process.cpuUsage();
  const t = performance.now();
  await f();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { wall, cpu: (u.user + u.system) / 1000 };
}

function row(label: string, timings: readonly Timing[]): Record<string, string | number> {
  const w = percentiles(timings.map((t) => t.wall));
  const c = percentiles(timings.map((t) => t.cpu));
  return {
    query: label,
    n: timings.length,
    "p50 ms": w.p50,
    "p95 ms": w.p95,
    "max ms": w.max,
    "p50 CPU ms": c.p50,
    "p95 CPU ms": c.p95,
  };
}

/** Report latency over the most cited works, search latency over the queries (each run twice, the second timed). */
export async function measureQueries(
  store: StoreReader,
  queries: readonly string[],
): Promise<Record<string, string | number>[]> {
  const top = (await store.topWorks("statements", 100)).map((w) => w.work.workId);
  const rows: Record<string, string | number>[] = [];
  const runs: [string, (id: WorkId) => Promise<unknown>][] = [
    ["report (default: relevance, page 1)", (id) => store.report(id, {})],
    [
      "report (contrasting+supporting, newest)",
      (id) => store.report(id, { stance: ["supporting", "contrasting"], order: "newest" }),
    ],
    ['report (q: "consistent with")', (id) => store.report(id, { q: '"consistent with"' })],
  ];
  for (const [label, run] of runs) {
    for (const id of top) await run(id);
    const ms: Timing[] = [];
    for (const id of top) ms.push(await timed(() => run(id)));
    rows.push(row(label, ms));
  }
  for (const q of queries) await store.search({ q });
  const ms: Timing[] = [];
  let sampled = 0;
  for (const q of queries) {
    ms.push(
      await timed(async () => {
        if ((await store.search({ q })).sampled) sampled++;
      }),
    );
  }
  rows.push(row(`search (page 1 with total and facets; ${sampled} of ${ms.length} sampled)`, ms));
  return rows;
}

/** Size of the database file with its WAL. */
export function databaseBytes(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      n += statSync(f).size;
    } catch {
      // No WAL file: nothing to add.
    }
  }
  return n;
}

/** Queries over the whole eLife corpus as the ingest pipeline stores it (null when the corpus or pipeline is absent). */
async function pipelineTable(queries: readonly string[]): Promise<BenchTable | null> {
  const xml = sharedData("elife-articles-2012-2016", "xml");
  if (xml === null) return null;
  const dir = mkdtempSync(join(tmpdir(), "citelens-query-"));
  const file = join(dir, "elife.db");
  try {
    const { ingest } = await import("../../src/pipeline/run.js");
    const summary = await ingest([xml], { db: file, progress: "none" });
    const store = openSqliteStore(file);
    store.database.pragma("wal_checkpoint(TRUNCATE)");
    const stats = await store.stats();
    const rows = await measureQueries(store, queries);
    const bytes = databaseBytes(file);
    await store.close();
    return {
      stage: "60 query (eLife corpus through the ingest pipeline)",
      corpus: `elife-articles-2012-2016: ${summary.articles} articles, ${stats.statements.toLocaleString("en-US")} statements, ${stats.works.toLocaleString("en-US")} works`,
      rows: [
        ...rows,
        { query: "database bytes per statement", n: stats.statements, "p50 ms": Math.round(bytes / stats.statements) },
      ],
      notes: [
        "Targets (issue 4): report p95 <= 20 ms, search p95 <= 50 ms.",
        "The database is made by `ingest` (src/pipeline/run.ts) on the whole corpus; its time is the ingest stage's figure.",
      ],
    };
  } catch (error) {
    return {
      stage: "60 query (eLife corpus through the ingest pipeline)",
      corpus: "elife-articles-2012-2016",
      rows: [],
      notes: [`not measured: the ingest pipeline failed (${error instanceof Error ? error.message : String(error)})`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchTable[]> {
  const built = await builtTable();
  const train = sharedData("elife-stance-train", "train.jsonl");
  const piped = train === null ? null : await pipelineTable(benchQueries(readStanceRecords(train)));
  return piped === null ? [built] : [built, piped];
}

async function builtTable(): Promise<BenchTable> {
  const train = sharedData("elife-stance-train", "train.jsonl");
  if (train === null) {
    return {
      stage: "60 query",
      corpus: "none",
      rows: [],
      notes: ["../shared/data/elife-stance-train is absent: skipped"],
    };
  }
  const records = readStanceRecords(train);
  const dir = mkdtempSync(join(tmpdir(), "citelens-query-"));
  const file = join(dir, "bench.db");
  try {
    const store = openSqliteStore(file);
    const articles = buildArticles(records, { meta: citingMetaReader(sharedData("elife-articles-2012-2016")) });
    const t = performance.now();
    const c = process.cpuUsage();
    for (const a of articles) await store.writeArticle(a);
    const writeMs = performance.now() - t;
    const cpu = process.cpuUsage(c);
    const writeCpuMs = (cpu.user + cpu.system) / 1000;
    store.database.pragma("wal_checkpoint(TRUNCATE)");
    const stats = await store.stats();
    const rows = await measureQueries(store, benchQueries(records));
    const bytes = databaseBytes(file);
    await store.close();
    return {
      stage: "60 query",
      corpus: `eLife labeled statements (${stats.statements.toLocaleString("en-US")} statements, ${stats.ingestedArticles} citing articles, ${stats.works.toLocaleString("en-US")} works)`,
      rows: [
        ...rows,
        {
          query: "write (Store.writeArticle): statements/s, wall / per CPU second",
          n: stats.statements,
          "p50 ms": `${Math.round(stats.statements / (writeMs / 1000))} / ${Math.round(stats.statements / (writeCpuMs / 1000))}`,
        },
        { query: "database bytes per statement", n: stats.statements, "p50 ms": Math.round(bytes / stats.statements) },
      ],
      notes: [
        "Targets (issue 4): report p95 <= 20 ms, search p95 <= 50 ms; at 10 million statements see `npm run bench:scale`.",
        "Reports: the 100 works with most statements, each queried once to warm up, then timed; search: 40 hand-written queries (phrases, negations, AND/OR/NOT, prefixes) and 60 two-word phrases/terms taken from real sentences.",
        "The database is written through Store.writeArticle from the labeled eLife statements (not the ingest pipeline, which has its own stage).",
        "Wall times include waiting for a core on a shared machine; CPU times (this process's user+system time per call) do not.",
        "Bytes per statement: file plus WAL after a checkpoint, all tables and indexes (works, refs, FTS) divided by statements.",
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
