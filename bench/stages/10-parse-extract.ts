/**
 * Parse + extract throughput over the whole eLife corpus, beside the bare saxes tokenization of the
 * same bytes, measured in the same run on one core. All files are gunzipped into memory first (not
 * timed); each measure then decodes the UTF-8 itself, as the pipeline does.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SaxesParser } from "saxes";
import { extract } from "../../src/pipeline/extract/index.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { SAMPLES_DIR, sharedData } from "../../src/paths.js";
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

function parseOnly(articles: readonly Article[]): number {
  let paragraphs = 0;
  for (const a of articles) paragraphs += parseBytes(a.name, a.bytes).document?.paragraphs.length ?? 0;
  return paragraphs;
}

function parseExtract(articles: readonly Article[]): number {
  let statements = 0;
  for (const a of articles) {
    const doc = parseBytes(a.name, a.bytes).document;
    if (doc !== null) statements += extract(doc, a.name).statements.length;
  }
  return statements;
}

function extractOnly(docs: readonly { name: string; doc: NonNullable<ReturnType<typeof parseBytes>["document"]> }[]) {
  let statements = 0;
  for (const d of docs) statements += extract(d.doc, d.name).statements.length;
  return statements;
}

function time<T>(f: () => T): { seconds: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, value };
}

/** Runs the three measures (and extract alone on parsed documents) and reports them in one table. */
export async function run(): Promise<BenchTable> {
  const { corpus, articles } = load();
  const bytes = articles.reduce((n, a) => n + a.bytes.length, 0);
  const mb = bytes / 1e6;
  // One untimed warm-up pass over a slice, so JIT compilation is not charged to the first measure.
  const warm = articles.slice(0, 20);
  bareTokenize(warm);
  parseExtract(warm);

  const bare = time(() => bareTokenize(articles));
  const parse = time(() => parseOnly(articles));
  const full = time(() => parseExtract(articles));
  const docs = articles.flatMap((a) => {
    const doc = parseBytes(a.name, a.bytes).document;
    return doc === null ? [] : [{ name: a.name, doc }];
  });
  const ext = time(() => extractOnly(docs));
  const row = (measure: string, t: { seconds: number }, statements?: number) => ({
    measure,
    seconds: t.seconds,
    "MB/s": mb / t.seconds,
    "articles/s": articles.length / t.seconds,
    "statements/s": statements === undefined ? "" : statements / t.seconds,
    "x bare": t.seconds / bare.seconds,
  });
  return {
    stage: "parse + extract (one core)",
    corpus: `${corpus}, ${mb.toFixed(0)} MB of XML`,
    rows: [
      row("bare saxes tokenization (empty handlers)", bare),
      row("parse (parseBytes)", parse),
      row("parse + extract", full, full.value),
      row("extract alone (on parsed documents)", ext, ext.value),
    ],
    notes: [
      `${full.value.toLocaleString("en-US")} statements; peak RSS of the whole run ${peakRssMiB().toFixed(0)} MiB (the corpus is held in memory: ${mb.toFixed(0)} MB).`,
      "Targets: parse + extract within 1.5x of bare tokenization, and at least 30 MB/s on one core.",
      "Method: files gunzipped into memory first (not timed); every measure decodes UTF-8 itself; one untimed warm-up on 20 files; main thread only.",
    ],
  };
}
