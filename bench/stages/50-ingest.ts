/**
 * Ingest benchmark: the whole eLife corpus into an empty database on 2 worker threads (wall time,
 * articles/s, database bytes per statement), a second run that skips everything, and where the time of
 * one article goes (CPU per stage, measured single-threaded on a sample).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ArticleWrite } from "../../src/core/store.js";
import { sharedData } from "../../src/paths.js";
import { loadClassifier } from "../../src/pipeline/classify/index.js";
import { extract } from "../../src/pipeline/extract/index.js";
import { joinArticle, prepareArticle, resolveArticle } from "../../src/pipeline/index/article.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { Resolver } from "../../src/pipeline/resolve/index.js";
import { ingest } from "../../src/pipeline/run.js";
import { classifyInput } from "../../src/pipeline/runner/analyze.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import type { BenchTable } from "../table.js";

const WORKERS = 2;

/** Runs the ingest benchmark. */
export async function run(): Promise<BenchTable[]> {
  const corpus = sharedData("elife-articles-2012-2016", "xml");
  if (corpus === null) {
    return [{ stage: "ingest", corpus: "eLife 2012-2016 (absent on this machine)", rows: [], notes: ["skipped"] }];
  }
  const dir = mkdtempSync(join(tmpdir(), "citelens-bench-ingest-"));
  const db = join(dir, "index.db");
  try {
    const cpu0 = process.cpuUsage();
    const first = await ingest([corpus], { db, workers: WORKERS, progress: "none" });
    const cpuFirst = process.cpuUsage(cpu0);
    const cpu1 = process.cpuUsage();
    const second = await ingest([corpus], { db, workers: WORKERS, progress: "none" });
    const cpuSecond = process.cpuUsage(cpu1);
    const bytes = ["", "-wal", "-shm"].reduce((n, s) => n + safeSize(db + s), 0);
    const whole: BenchTable = {
      stage: "ingest",
      corpus: `eLife 2012-2016, ${first.articles + first.failed} files`,
      rows: [
        {
          run: "empty database",
          workers: WORKERS,
          articles: first.articles,
          statements: first.statements,
          references: first.references,
          "wall s": first.elapsedMs / 1000,
          "CPU s user": cpuFirst.user / 1e6,
          "CPU s sys": cpuFirst.system / 1e6,
          "articles/s": first.articles / (first.elapsedMs / 1000),
          "resolved %": first.resolvedShare * 100,
          "db bytes/statement": Math.round(bytes / Math.max(1, first.statements)),
        },
        {
          run: "again (all skipped)",
          workers: WORKERS,
          articles: second.articles,
          statements: second.statements,
          references: second.references,
          "wall s": second.elapsedMs / 1000,
          "CPU s user": cpuSecond.user / 1e6,
          "CPU s sys": cpuSecond.system / 1e6,
          "articles/s": second.skipped / (second.elapsedMs / 1000),
          "resolved %": "",
          "db bytes/statement": "",
        },
      ],
      notes: [
        `target: whole-eLife ingest <= 20 s on 2 cores; database ${(bytes / 2 ** 20).toFixed(1)} MiB (with WAL) after the first run`,
        "method: `ingest()` on the folder of 1,979 .xml.gz files, an empty database in the temp folder, 2 analysis worker threads plus the writer thread; the end-of-batch re-resolution is included; CPU s: process.cpuUsage() of the whole process (main, analysis and writer threads) over the run",
      ],
    };
    return [whole, await stageSplit(corpus)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU time per article of each stage, single-threaded, over every 20th eLife file. */
async function stageSplit(corpus: string): Promise<BenchTable> {
  const files = readdirSync(corpus)
    .filter((f, i) => f.endsWith(".xml.gz") && i % 20 === 0)
    .map((f) => ({ name: f, bytes: readFileSync(join(corpus, f)) }));
  const classifier = loadClassifier();
  const dir = mkdtempSync(join(tmpdir(), "citelens-bench-split-"));
  const store = openSqliteStore(join(dir, "split.db"));
  const resolver = new Resolver((key) => store.worksByTitleKey(key));
  const ms = { parse: 0, extract: 0, classify: 0, prepare: 0, resolve: 0, write: 0 };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let articles = 0;
  // Written as the ingest writes them: groups of whole articles, one transaction each.
  const GROUP = 64;
  const group: ArticleWrite[] = [];
  try {
    for (const f of files) {
      let t = cpu();
      const doc = parseBytes(f.name, f.bytes).document;
      ms.parse += cpu() - t;
      if (doc === null) continue;
      t = cpu();
      const { statements } = extract(doc, f.name);
      ms.extract += cpu() - t;
      t = cpu();
      const classifications = classifier.classify(statements.map(classifyInput));
      ms.classify += cpu() - t;
      t = cpu();
      const versions = { parser: "", extractor: "", resolver: "", classifier: "" };
      const prepared = prepareArticle(
        f.name,
        { work: doc.work, references: doc.references, statements, classifications },
        [],
      );
      ms.prepare += cpu() - t;
      t = cpu();
      const resolved = await resolveArticle(prepared, resolver);
      ms.resolve += cpu() - t;
      t = cpu();
      const write = joinArticle({ path: f.name, contentHash: "", versions }, resolved, prepared.statements, []);
      ms.write += cpu() - t;
      group.push(write);
      articles++;
      if (group.length === GROUP) {
        t = cpu();
        await store.writeArticles(group.splice(0));
        ms.write += cpu() - t;
      }
    }
    const t = cpu();
    await store.writeArticles(group.splice(0));
    ms.write += cpu() - t;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  return {
    stage: "ingest: CPU per article by stage",
    corpus: `eLife 2012-2016, every 20th file (${articles} articles), one thread`,
    rows: Object.entries(ms).map(([stage, t]) => ({
      stage,
      "ms/article": t / Math.max(1, articles),
      share: `${((t / total) * 100).toFixed(0)}%`,
    })),
    notes: [
      "parse, extract, classify and prepare (index/prepareArticle: ids, prepared references, self-citation) run on the analysis worker threads; resolve (references against the store and the batch) on the main thread in input order; write (joinArticle, then Store.writeArticles in groups of 64 articles per transaction, as the ingest commits) on the writer thread",
    ],
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
