/**
 * The read side of the index: what a report, a statement page and a search return. One
 * implementation behind the Store contract serves the CLI, the JSON API and the web app.
 */
import type { Person, SectionKind } from "./document.js";
import type { Doi, StatementId, WorkId } from "./ids.js";
import type { Intent, Stance } from "./statement.js";

/** Supporting / mentioning / contrasting counts. A zero is 0, never absent. */
export interface Tallies {
  readonly supporting: number;
  readonly mentioning: number;
  readonly contrasting: number;
}

/** A work as listed (citing paper, reference, search hit). */
export interface WorkSummary {
  readonly workId: WorkId;
  readonly doi: Doi | null;
  readonly title: string | null;
  readonly authors: readonly Person[];
  readonly year: number | null;
  readonly journal: string | null;
  /** Publication type (research-article, review-article, journal, book, ...). */
  readonly type: string | null;
}

/** A work with everything the report header shows. */
export interface WorkView extends WorkSummary {
  readonly abstract: string | null;
  readonly license: string | null;
  /** True when the work's own full text was ingested (not only cited). */
  readonly ingested: boolean;
}

/** One stored citation statement with its classification. */
export interface StatementView {
  readonly id: StatementId;
  readonly citingWorkId: WorkId;
  readonly citedWorkId: WorkId;
  readonly refId: string;
  readonly marker: string;
  readonly sentence: string;
  readonly before: string;
  readonly after: string;
  /** Offsets of the marker inside `sentence` (for highlighting). */
  readonly markerStart: number;
  readonly markerEnd: number;
  readonly section: string;
  readonly sectionKind: SectionKind;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly subArticle: string | null;
  readonly stance: Stance;
  readonly confidence: number;
  readonly intent: Intent;
  readonly intentConfidence: number;
  readonly cues: readonly string[];
  readonly selfCitation: boolean;
}

export type Relationship = "self" | "independent";
export type ReportOrder = "relevance" | "newest" | "oldest";

/** Filters, order and paging of a report's statements. Every facet can filter. */
export interface ReportQuery {
  /** Full-text query inside the report (phrases, AND/OR/NOT). */
  readonly q?: string;
  readonly stance?: readonly Stance[];
  readonly sectionKind?: readonly SectionKind[];
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly publicationType?: readonly string[];
  readonly relationship?: readonly Relationship[];
  /** Citing-author names as shown in the authors facet ("Surname, G."). */
  readonly author?: readonly string[];
  readonly journal?: readonly string[];
  readonly order?: ReportOrder;
  /** 1-based page of citing publications. */
  readonly page?: number;
  readonly pageSize?: number;
}

/** One value of a facet and how many matching statements have it. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface Facets {
  readonly sectionKind: readonly FacetCount[];
  readonly stance: readonly FacetCount[];
  /** Year histogram, ascending by year. */
  readonly year: readonly FacetCount[];
  readonly publicationType: readonly FacetCount[];
  readonly relationship: readonly FacetCount[];
  readonly authors: readonly FacetCount[];
  readonly journals: readonly FacetCount[];
  /**
   * Set when more citing publications match than the authors facet counts: it then counts the
   * statements of only this many citing publications, the first in the report's order. Absent: exact.
   */
  readonly authorsSample?: number;
}

/** The statements of one citing publication, in the report's order. */
export interface CitingGroup {
  readonly citing: WorkSummary;
  readonly statements: readonly StatementView[];
}

/** The report for one work: `citelens report --json` and `GET /api/works/{doi}` return exactly this. */
export interface Report {
  readonly work: WorkView;
  /** Over all statements citing the work, whatever the filters. */
  readonly tallies: Tallies;
  readonly citingPublications: number;
  readonly statementCount: number;
  /** How many works this work cites (when its full text was ingested). */
  readonly referenceCount: number;
  /** Statements matching the query, grouped by citing publication, one page of groups. */
  readonly statements: readonly CitingGroup[];
  /** Counts over the statements matching the query. */
  readonly facets: Facets;
  readonly page: {
    readonly order: ReportOrder;
    readonly page: number;
    readonly pageSize: number;
    /** Citing publications and statements matching the query (all pages). */
    readonly matchingPublications: number;
    readonly matchingStatements: number;
  };
}

/** A work this work cites, with its own tallies. */
export interface ReferenceView {
  readonly refId: string;
  readonly raw: string;
  readonly work: WorkSummary;
  readonly tallies: Tallies;
}

/** A global statement search across the index. */
export interface SearchQuery {
  readonly q: string;
  readonly stance?: readonly Stance[];
  readonly sectionKind?: readonly SectionKind[];
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SearchHit {
  readonly statement: StatementView;
  /** The sentence with matches wrapped in `\u0001`...`\u0002` (the caller escapes, then highlights). */
  readonly snippet: string;
  readonly citing: WorkSummary;
  readonly cited: WorkSummary;
}

export interface SearchResult {
  /** Matching statements (of the sample when `sampled`). */
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Pick<Facets, "stance" | "sectionKind" | "year">;
  readonly page: number;
  readonly pageSize: number;
  /**
   * True when the query matches more statements than a search ranks and counts exactly (a very common
   * word over a large index): `total`, the facets and the ranking then cover the most recently indexed
   * matches only (a store-defined number), and the total is a lower bound. Absent or false: exact.
   */
  readonly sampled?: boolean;
}

/** Corpus statistics for the home page and `citelens stats`. */
export interface CorpusStats {
  readonly works: number;
  readonly ingestedArticles: number;
  readonly statements: number;
  readonly references: number;
  /** Share of references linked to a work with a DOI, 0..1. */
  readonly resolvedShare: number;
  readonly tallies: Tallies;
}

/** A work with its tallies, for "most supported / most contrasted" lists and bulk tallies. */
export interface WorkTallies {
  readonly work: WorkSummary;
  readonly tallies: Tallies;
}

/**
 * The read side of a store. Implementations: `store/sqlite` (embedded default) and, later,
 * `store/postgres`; all pass one conformance suite. The write side is declared beside it by the index stage.
 */
export interface StoreReader {
  /** Finds a work by DOI (any written form) or work id; null when unknown. */
  findWork(doiOrWorkId: string): Promise<WorkView | null>;
  /** The report for a work; null when the work is unknown. */
  report(workId: WorkId, query: ReportQuery): Promise<Report | null>;
  /** The works a work cites, each with its tallies, in reference-list order. */
  references(workId: WorkId): Promise<readonly ReferenceView[]>;
  /** Statements across the whole index. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Tallies of many works at once (keyed by work id); unknown ids are absent. */
  tallies(workIds: readonly WorkId[]): Promise<ReadonlyMap<WorkId, Tallies>>;
  /** Works ordered by a tally, most first. */
  topWorks(by: "supporting" | "contrasting" | "statements", limit: number): Promise<readonly WorkTallies[]>;
  stats(): Promise<CorpusStats>;
}
