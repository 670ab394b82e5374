/**
 * Builds ArticleWrite objects from real eLife citation statements (../shared/data/elife-stance-train,
 * with each citing article's title, authors, year and type read from ../shared/data/elife-articles-2012-2016),
 * so the store is tested and benchmarked on real text before, and independently of, the ingest pipeline.
 * Labels are the data set's gold stance and intent; confidence is 0.9 for high-confidence labels and 0.6
 * otherwise, spread a little per statement so orders are not ties.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Person, SectionKind } from "../../src/core/document.js";
import { type Doi, normalizeDoi, statementId, workIdFromDoi, workIdFromKey } from "../../src/core/ids.js";
import type { Intent, Stance } from "../../src/core/statement.js";
import type { ArticleWrite, ReferenceInput, StatementInput, WorkInput } from "../../src/core/store.js";

/** One line of train.jsonl (the fields used here). */
export interface StanceRecord {
  readonly id: string;
  readonly citingDoi: string;
  readonly section: string;
  readonly before: string;
  readonly sentence: string;
  readonly after: string;
  readonly citedTitle: string | null;
  readonly citedYear: string | null;
  readonly citedDoi: string | null;
  readonly stance: Stance;
  readonly intent: Intent;
  readonly labelConfidence: "high" | "low";
}

/** The stage versions written with built articles. */
export const BUILDER_VERSIONS = {
  parser: "elife-builder",
  extractor: "gold",
  resolver: "doi-or-title",
  classifier: "gold",
};

/** Reads the labeled statements (all, or the first `limit`). */
export function readStanceRecords(file: string, limit = Number.POSITIVE_INFINITY): StanceRecord[] {
  const out: StanceRecord[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    out.push(JSON.parse(line) as StanceRecord);
    if (out.length >= limit) break;
  }
  return out;
}

/** The normalized title key the builder uses (lower-case words of letters and digits). */
export function titleKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .join(" ");
}

/** A section heading's kind, as the extractor would classify the common eLife headings. */
export function sectionKindOf(heading: string): SectionKind {
  const h = heading.toLowerCase();
  if (h.includes("introduction")) return "introduction";
  if (h.includes("result")) return "results";
  if (h.includes("method")) return "methods";
  if (h.includes("discussion")) return "discussion";
  if (h.includes("conclusion")) return "conclusion";
  return "other";
}

/** Metadata of an eLife article read from its JATS file (title, authors, year, type, license). */
export interface CitingMeta {
  readonly title: string | null;
  readonly authors: readonly Person[];
  readonly year: number | null;
  readonly type: string | null;
  readonly license: string | null;
}

/** Reads the citing articles' metadata from the eLife article folder (null when it is absent). */
export function citingMetaReader(articlesDir: string | null): (doi: string) => CitingMeta | null {
  if (articlesDir === null) return () => null;
  const index = new Map<string, { file: string; year: number | null; type: string; license: string }>();
  for (const line of readFileSync(join(articlesDir, "index.tsv"), "utf8").split("\n").slice(1)) {
    const [file, doi, year, type, license] = line.split("\t");
    if (file && doi)
      index.set(doi.toLowerCase(), {
        file,
        year: year ? Number(year) : null,
        type: type ?? "",
        license: license ?? "",
      });
  }
  return (doi) => {
    const entry = index.get(doi.toLowerCase());
    if (entry === undefined) return null;
    const path = join(articlesDir, entry.file);
    let title: string | null = null;
    const authors: Person[] = [];
    if (existsSync(path)) {
      const xml = gunzipSync(readFileSync(path)).toString("utf8");
      const end = xml.indexOf("</front>");
      const front = end < 0 ? xml : xml.slice(0, end);
      const t = /<article-title>([\s\S]*?)<\/article-title>/.exec(front);
      if (t?.[1]) title = stripTags(t[1]);
      for (const m of front.matchAll(/<contrib contrib-type="author"[^>]*>([\s\S]*?)<\/contrib>/g)) {
        const surname = /<surname>([\s\S]*?)<\/surname>/.exec(m[1] ?? "")?.[1];
        const given = /<given-names>([\s\S]*?)<\/given-names>/.exec(m[1] ?? "")?.[1];
        if (surname) authors.push({ surname: stripTags(surname), given: given ? stripTags(given) : null, orcid: null });
      }
    }
    return { title, authors, year: entry.year, type: entry.type || null, license: entry.license || null };
  };
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

/** A cited work from a record: by DOI when it has one, else by title key and year. */
export function citedWork(r: StanceRecord): WorkInput {
  const doi = normalizeDoi(r.citedDoi);
  const year = r.citedYear && /^\d{4}$/.test(r.citedYear) ? Number(r.citedYear) : null;
  const key = r.citedTitle ? titleKey(r.citedTitle) : null;
  return {
    workId: doi !== null ? workIdFromDoi(doi) : workIdFromKey(`${key ?? r.id}|${year ?? ""}`),
    doi,
    title: r.citedTitle,
    titleKey: key,
    authors: [],
    year,
    journal: null,
    type: null,
    abstract: null,
    license: null,
  };
}

/** The sentence without its `<<marker>>` brackets, and where the marker stands in it. */
export function unmark(sentence: string): { sentence: string; marker: string; start: number; end: number } {
  const open = sentence.indexOf("<<");
  const close = sentence.indexOf(">>", open + 2);
  if (open < 0 || close < 0) return { sentence, marker: "", start: 0, end: 0 };
  const marker = sentence.slice(open + 2, close);
  return {
    sentence: sentence.slice(0, open) + marker + sentence.slice(close + 2),
    marker,
    start: open,
    end: open + marker.length,
  };
}

/** Options of buildArticles. */
export interface BuildOptions {
  /** Reads citing-article metadata (citingMetaReader); without it citing works have only DOI and year. */
  readonly meta?: (doi: string) => CitingMeta | null;
  /** Replaces each citing DOI (the scale benchmark makes new citing works this way). */
  readonly citingDoi?: (doi: Doi) => Doi;
}

/** Groups the records by citing article and builds one ArticleWrite per article, in first-seen order. */
export function buildArticles(records: readonly StanceRecord[], options: BuildOptions = {}): ArticleWrite[] {
  const byCiting = new Map<string, StanceRecord[]>();
  for (const r of records) {
    const list = byCiting.get(r.citingDoi);
    if (list) list.push(r);
    else byCiting.set(r.citingDoi, [r]);
  }
  const out: ArticleWrite[] = [];
  for (const [citingDoi, list] of byCiting) {
    const original = normalizeDoi(citingDoi);
    if (original === null) continue;
    const doi = options.citingDoi ? options.citingDoi(original) : original;
    const meta = options.meta?.(citingDoi) ?? null;
    const work: WorkInput = {
      workId: workIdFromDoi(doi),
      doi,
      title: meta?.title ?? null,
      titleKey: meta?.title ? titleKey(meta.title) : null,
      authors: meta?.authors ?? [],
      year: meta?.year ?? null,
      journal: "eLife",
      type: meta?.type ?? null,
      abstract: null,
      license: meta?.license ?? null,
    };
    const refs: ReferenceInput[] = [];
    const refIds = new Map<string, string>();
    const statements: StatementInput[] = [];
    list.forEach((r, i) => {
      const cited = citedWork(r);
      let refId = refIds.get(cited.workId);
      if (refId === undefined) {
        refId = `bib${refs.length + 1}`;
        refIds.set(cited.workId, refId);
        refs.push({
          refId,
          position: refs.length,
          raw: [r.citedTitle, r.citedYear, r.citedDoi].filter(Boolean).join(". "),
          cited,
          method: cited.doi !== null ? "doi" : "unresolved",
          score: cited.doi !== null ? 1 : 0,
        });
      }
      const m = unmark(r.sentence);
      const spread = (Number.parseInt(createHash("sha1").update(r.id).digest("hex").slice(0, 4), 16) / 0xffff) * 0.09;
      statements.push({
        id: statementId(work.workId, refId, i, 0),
        citedWorkId: cited.workId,
        refId,
        marker: m.marker,
        sentence: m.sentence,
        before: r.before,
        after: r.after,
        markerStart: m.start,
        markerEnd: m.end,
        section: r.section,
        sectionKind: sectionKindOf(r.section),
        paragraph: i,
        start: 0,
        end: m.sentence.length,
        subArticle: null,
        stance: r.stance,
        confidence: (r.labelConfidence === "high" ? 0.9 : 0.6) + spread,
        intent: r.intent,
        intentConfidence: 0.8,
        cues: [],
        selfCitation: false,
      });
    });
    out.push({
      source: {
        path: `elife-stance-train/${doi}`,
        contentHash: createHash("sha256").update(JSON.stringify(list)).digest("hex"),
        versions: BUILDER_VERSIONS,
      },
      work,
      references: refs,
      statements,
      diagnostics: [],
    });
  }
  return out;
}
