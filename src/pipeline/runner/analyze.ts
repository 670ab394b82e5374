/**
 * The per-file part of the pipeline that runs in a worker thread: bytes -> parse -> extract -> classify.
 * Resolution and writing happen on the main thread, in input order.
 */

import type { Classifier } from "../../core/contracts.js";
import { type Diagnostic, diagnostic, type Stage } from "../../core/diagnostic.js";
import type { ReferenceEntry, WorkMeta } from "../../core/document.js";
import type { Classification, ClassifyInput, ExtractedStatement } from "../../core/statement.js";
import { extract } from "../extract/index.js";
import { parseBytes } from "../parse/index.js";

/** What the worker gives back for one file: its article (null when nothing usable came out) and diagnostics. */
export interface Analyzed {
  readonly article: {
    readonly work: WorkMeta;
    readonly references: readonly ReferenceEntry[];
    readonly statements: readonly ExtractedStatement[];
    /** One per statement, same order. */
    readonly classifications: readonly Classification[];
  } | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Analyzes one file. Input problems become diagnostics; a stage that throws becomes an `internal-error`. */
export function analyze(name: string, bytes: Uint8Array, classifier: Classifier): Analyzed {
  const diagnostics: Diagnostic[] = [];
  let stage: Stage = "ingest";
  try {
    stage = "parse";
    // parseBytes detects gzip by its magic bytes and decompresses (with a size limit) itself.
    const parsed = parseBytes(name, bytes);
    diagnostics.push(...parsed.diagnostics);
    const doc = parsed.document;
    if (doc === null) {
      if (!diagnostics.some((d) => d.severity === "error")) {
        diagnostics.push(diagnostic(name, "parse", "no-document", "The parser found no article in this file."));
      }
      return { article: null, diagnostics };
    }
    stage = "extract";
    const extracted = extract(doc, name);
    diagnostics.push(...extracted.diagnostics);
    stage = "classify";
    const classifications = classifier.classify(extracted.statements.map(classifyInput));
    return {
      article: { work: doc.work, references: doc.references, statements: extracted.statements, classifications },
      diagnostics,
    };
  } catch (error) {
    diagnostics.push(
      diagnostic(name, stage, "internal-error", `The ${stage} stage failed on this file: ${text(error)}.`),
    );
    return { article: null, diagnostics };
  }
}

/** The classifier's input: the sentence with the target marker wrapped in `<<` `>>`, its neighbours and section. */
export function classifyInput(s: ExtractedStatement): ClassifyInput {
  const sentence = `${s.sentence.slice(0, s.markerStart)}<<${s.sentence.slice(s.markerStart, s.markerEnd)}>>${s.sentence.slice(s.markerEnd)}`;
  return { sentence, before: s.before, after: s.after, section: s.section };
}

function text(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
}
