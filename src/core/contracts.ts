/** The pluggable parts of the pipeline. Each has the fewest methods that work. */
import type { Diagnostic } from "./diagnostic.js";
import type { ParsedDocument } from "./document.js";
import type { Classification, ClassifyInput } from "./statement.js";

/** What parsing one file gives: a document (or null when nothing usable came out) and its problems. */
export interface ParseResult {
  readonly document: ParsedDocument | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns the decoded text of one file into the document model. Input problems become diagnostics. */
export interface Parser {
  readonly format: "jats" | "tei";
  /** Version of this parser; stored with every ingested source. */
  readonly version: string;
  parse(xml: string, file: string): ParseResult;
}

/** Labels citation statements. Deterministic for a given model version. */
export interface Classifier {
  /** Version of the model; stored with every classified statement's source. */
  readonly version: string;
  classify(inputs: readonly ClassifyInput[]): Classification[];
}
