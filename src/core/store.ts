/**
 * The Store contract: the read side (`StoreReader`, in report.ts) plus the write side the ingest
 * pipeline uses. Implementations: `src/store/sqlite` (embedded default); PostgreSQL later, behind the
 * same contract and the same conformance suite.
 */
import type { Diagnostic } from "./diagnostic.js";
import type { Person } from "./document.js";
import type { Doi, StatementId, WorkId } from "./ids.js";
import type { StatementView, StoreReader } from "./report.js";

/** The versions of every stage that produced a source's rows. A change re-ingests the source. */
export interface StageVersions {
  readonly parser: string;
  readonly extractor: string;
  readonly resolver: string;
  readonly classifier: string;
}

/** An ingested file (or archive member) as the store remembers it. */
export interface SourceRecord {
  /** The path as given on the command line, or `archive!member`. */
  readonly path: string;
  /** sha256 hex of the file's bytes as read (before decompression). */
  readonly contentHash: string;
  readonly versions: StageVersions;
  /** `ok`: its article is stored; `failed`: it produced nothing (diagnostics kept). */
  readonly status: "ok" | "failed";
  /** The work the source's article became, when status is ok. */
  readonly workId: WorkId | null;
}

/** A work as written: every field the source gave. Upserts keep known fields and fill missing ones. */
export interface WorkInput {
  readonly workId: WorkId;
  readonly doi: Doi | null;
  readonly title: string | null;
  /** The resolver's normalized title key (for metadata matching); null without a title. */
  readonly titleKey: string | null;
  readonly authors: readonly Person[];
  readonly year: number | null;
  readonly journal: string | null;
  readonly type: string | null;
  readonly abstract: string | null;
  readonly license: string | null;
}

/** How a reference was linked to its work. */
export type ResolutionMethod = "doi" | "metadata" | "unresolved";

/** One entry of an ingested article's reference list, linked to a work. */
export interface ReferenceInput {
  readonly refId: string;
  /** Position in the reference list, 0-based. */
  readonly position: number;
  readonly raw: string;
  readonly cited: WorkInput;
  readonly method: ResolutionMethod;
  /** Match score 0..1 (1 for a DOI link). */
  readonly score: number;
}

/** One classified statement of an ingested article: a stored statement less its citing work (the article's). */
export type StatementInput = Omit<StatementView, "citingWorkId">;

/** Everything one ingested article writes. Stored in one transaction, replacing that article's earlier rows. */
export interface ArticleWrite {
  readonly source: Omit<SourceRecord, "status" | "workId">;
  readonly work: WorkInput;
  readonly references: readonly ReferenceInput[];
  readonly statements: readonly StatementInput[];
  /** Warnings kept with the source (an article with errors is written with `recordFailure`). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A work as the resolver sees a candidate for metadata matching. */
export type WorkCandidate = Pick<WorkInput, "workId" | "doi" | "title" | "titleKey" | "authors" | "year" | "journal">;

/** A store: read side plus the write side used by ingest and resolve. */
export interface Store extends StoreReader {
  /** What the store remembers of a source path; null when never seen. */
  source(path: string): Promise<SourceRecord | null>;
  /**
   * Writes one article in one transaction: upserts its work and its cited works, replaces its references
   * and statements, records the source as ok. After a crash the article is either all there or absent.
   */
  writeArticle(article: ArticleWrite): Promise<void>;
  /**
   * Writes several articles, in order, in one transaction (each exactly as {@link Store.writeArticle}
   * would): after a crash all of them are there or none. Ingest groups articles this way to commit less often.
   */
  writeArticles(articles: readonly ArticleWrite[]): Promise<void>;
  /** Records a source that produced nothing, with its diagnostics; an article stored earlier from it stays. */
  recordFailure(source: ArticleWrite["source"], diagnostics: readonly Diagnostic[]): Promise<void>;
  /** Works whose title key equals `titleKey` (candidates for metadata matching). */
  worksByTitleKey(titleKey: string): Promise<readonly WorkCandidate[]>;
  /** Works with no DOI that are cited but not ingested (to re-resolve after a batch). */
  unresolvedWorks(): Promise<readonly WorkCandidate[]>;
  /** Merges work `from` into `into`: statements and references move, metadata fills in, `from` is removed. */
  mergeWorks(from: WorkId, into: WorkId): Promise<void>;
  /**
   * Applies every merge, in order (each as {@link Store.mergeWorks}), in one transaction: after a crash
   * the store is either unmerged or fully merged (the end-of-batch re-resolution relies on it).
   */
  mergeAll(merges: readonly { readonly from: WorkId; readonly into: WorkId }[]): Promise<void>;
  close(): Promise<void>;
}

export type { Doi, StatementId, WorkId };
