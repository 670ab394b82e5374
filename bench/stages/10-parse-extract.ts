/**
 * Parse + extract throughput over the whole eLife corpus, beside the bare saxes tokenization of the
 * same bytes, measured in the same run on one core. All files are gunzipped into memory first (not
 * timed); each measure then decodes the UTF-8 itself, as the pipeline does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SaxesParser } from "saxes";
import { SAMPLES_DIR, sharedData } from "../../src/paths.js";
import { extract } from "../../src/pipeline/extract/index.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import type { XmlHandler } from "../../src/pipeline/parse/xml/reader.js";
import { scanXml } from "../../src/pipeline/parse/xml/scan.js";
import { type BenchTable, peakRssMiB } from "../table.js";

interface Article {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function load(): { corpus: string; articles: Article[] } {
  const shared = sharedData("elife-articles-2012-2016", "xml");
  const dir = shared ?? join(SAMPLES_DIR, "elife");
  const articles = readdirSync(dir)
    .filter((n) => n.endsWith(".xml.gz"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(gunzipSync(readFileSync(join(dir, name)))) }));
  const corpus = shared ? "eLife 2012-2016, all files" : "samples/elife (no ../shared/data here)";
  return { corpus: `${corpus}: ${articles.length} articles`, articles };
}

/** Tokenizes with saxes and empty handlers: the floor any saxes-based parser stands on. */
function bareTokenize(articles: readonly Article[]): number {
  const decoder = new TextDecoder("utf-8");
  let events = 0;
  for (const a of articles) {
    const parser = new SaxesParser();
    parser.on("opentag", () => {
      events++;
    });
    parser.on("text", () => {});
    parser.on("closetag", () => {});
    parser.write(decoder.decode(a.bytes)).close();
  }
  return events;
}

/** Tokenizes with the fast scanner (src/pipeline/parse/xml/scan.ts) and empty handlers; counts files it gave up on. */
function bareScan(articles: readonly Article[]): number {
  const decoder = new TextDecoder("utf-8");
  const empty: XmlHandler = { open() {}, text() {}, close() {} };
  let gaveUp = 0;
  for (const a of articles) if (scanXml(decoder.decode(a.bytes), () => empty, 512) === null) gaveUp++;
  return gaveUp;
}

function parseOnly(articles: readonly Article[]): number {
  let paragraphs = 0;
  for (const a of articles) paragraphs += parseBytes(a.name, a.bytes).document?.paragraphs.length ?? 0;
  return paragraphs;
}

/** Parse + extract; the time spent inside extract is summed apart (wall and CPU, microseconds). */
function parseExtract(articles: readonly Article[]): { statements: number; extractWall: number; extractCpu: number } {
  let statements = 0;
  let extractWall = 0;
  let extractCpu = 0;
  for (const a of articles) {
    const doc = parseBytes(a.name, a.bytes).document;
    if (doc === null) continue;
    const w0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    statements += extract(doc, a.name).statements.length;
    const c = process.cpuUsage(c0);
    extractCpu += c.user + c.system;
    extractWall += Number(process.hrtime.bigint() - w0) / 1e3;
  }
  return { statements, extractWall: extractWall / 1e6, extractCpu: extractCpu / 1e6 };
}

interface Timed<T> {
  readonly wall: number;
  readonly cpu: number;
  readonly value: T;
}

/** Wall and CPU seconds of `f` (CPU: user + system of this process, so other load on the machine hardly counts). */
function time<T>(f: () => T): Timed<T> {
  const w0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - w0) / 1e9, cpu: (c.user + c.system) / 1e6, value };
}

/** Runs the three measures in one process and reports them in one table. */
export async function run(): Promise<BenchTable> {
  const { corpus, articles } = load();
  const bytes = articles.reduce((n, a) => n + a.bytes.length, 0);
  const mb = bytes / 1e6;
  // One untimed warm-up pass over a slice, so JIT compilation is not charged to the first measure.
  const warm = articles.slice(0, 20);
  bareTokenize(warm);
  bareScan(warm);
  parseExtract(warm);

  const bare = time(() => bareTokenize(articles));
  const scan = time(() => bareScan(articles));
  const parse = time(() => parseOnly(articles));
  const full = time(() => parseExtract(articles));
  const rss = peakRssMiB();
  const { statements, extractWall, extractCpu } = full.value;
  const row = (measure: string, wall: number, cpu: number, withStatements: boolean) => ({
    measure,
    "wall s": wall,
    "CPU s": cpu,
    "MB/s (CPU)": mb / cpu,
    "MB/s (wall)": mb / wall,
    "articles/s (CPU)": articles.length / cpu,
    "statements/s (CPU)": withStatements ? statements / cpu : "",
    "x bare (CPU)": cpu / bare.cpu,
  });
  return {
    stage: "parse + extract (one core)",
    corpus: `${corpus}, ${mb.toFixed(0)} MB of XML`,
    rows: [
      row("bare saxes tokenization (empty handlers)", bare.wall, bare.cpu, false),
      row("bare fast scanner (empty handlers)", scan.wall, scan.cpu, false),
      row("parse (parseBytes)", parse.wall, parse.cpu, false),
      row("parse + extract", full.wall, full.cpu, true),
      row("  of which extract", extractWall, extractCpu, true),
    ],
    notes: [
      `${statements.toLocaleString("en-US")} statements from ${articles.length} articles.`,
      `The fast scanner read ${articles.length - scan.value} of ${articles.length} files itself (parse hands the others to saxes).`,
      `Peak RSS ${rss.toFixed(0)} MiB for the whole run, which holds the gunzipped corpus (${mb.toFixed(0)} MB) in memory throughout.`,
      "Targets: parse + extract within 1.5x of bare tokenization, and at least 30 MB/s on one core.",
      "Method: files gunzipped into memory first (not timed); every measure decodes UTF-8 itself; one untimed warm-up on 20 files; main thread only. CPU seconds (user + system of this process) are shown beside wall seconds because a loaded machine inflates wall time; on an idle machine they agree.",
    ],
  };
}
