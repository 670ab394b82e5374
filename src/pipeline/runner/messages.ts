/**
 * Messages between the runner (main thread), its analysis workers and its store writer.
 *
 * An analysis worker sends an article's statements (the bulk of its data) straight to the writer, and
 * only what resolution needs (work, references, counts, diagnostics) to the main thread; the main thread
 * resolves the references in input order and tells the writer what each reference id cites.
 */
import type { MessagePort } from "node:worker_threads";
import type { Diagnostic } from "../../core/diagnostic.js";
import type { ArticleWrite } from "../../core/store.js";
import type { PreparedArticle, PreparedStatement, ResolvedArticle } from "../index/article.js";

/** Runner to analysis worker: analyze one file. */
export interface JobMessage {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What an analysis worker tells the runner of one file (its statements went to the writer). */
export interface AnalyzedSummary {
  /** Null when nothing usable came out of the file (no statements were sent to the writer then). */
  readonly article: (Omit<PreparedArticle, "statements" | "diagnostics"> & { readonly statementCount: number }) | null;
  /** Every diagnostic of the file (the analysis's and the preparation's). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Analysis worker to runner: ready (with the loaded classifier's version), a result, or a failure to start. */
export type WorkerMessage =
  | { readonly type: "ready"; readonly classifierVersion: string }
  | { readonly type: "result"; readonly id: number; readonly result: AnalyzedSummary }
  | { readonly type: "fatal"; readonly message: string };

/** Data given to each analysis worker at start. */
export interface WorkerData {
  readonly modelPath: string | null;
  /** Where the worker sends the statements of each article (to the store writer). */
  readonly statementsPort: MessagePort;
}

/** Analysis worker to writer: the prepared statements of job `id`. */
export interface StatementsMessage {
  readonly id: number;
  readonly statements: readonly PreparedStatement[];
}

/** Runner to writer. */
export type WriterRequest =
  | { readonly type: "port"; readonly port: MessagePort }
  | {
      readonly type: "article";
      readonly id: number;
      readonly source: ArticleWrite["source"];
      /** Structured clone keeps its map a Map. */
      readonly resolved: ResolvedArticle;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly type: "failure";
      /** The analysis job, when the file reached a worker (its statements, if any, are dropped). */
      readonly id: number | null;
      readonly source: ArticleWrite["source"];
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly type: "end" };

/** Writer to runner. */
export type WriterReply =
  | { readonly type: "ready" }
  /** `count` more sources (articles and failures) are committed. */
  | { readonly type: "committed"; readonly count: number }
  | { readonly type: "error"; readonly message: string }
  | { readonly type: "closed" };

/** Data given to the writer at start. */
export interface WriterData {
  /** The SQLite database file. */
  readonly db: string;
}
