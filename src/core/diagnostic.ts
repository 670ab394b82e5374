/** Problems found in the input. They are data attached to a file, never exceptions. */

/** The pipeline stage that found a problem. */
export type Stage = "ingest" | "parse" | "extract" | "resolve" | "classify" | "index" | "serve";

/** One problem with one input: where it is, which stage saw it, and why. */
export interface Diagnostic {
  /** The file (or archive member, `archive.tar.gz!member.xml`) the problem is in. */
  readonly file: string;
  /** 1-based line and column in the decompressed text, when known. */
  readonly line: number | null;
  readonly column: number | null;
  readonly stage: Stage;
  /** `error`: the file produced nothing; `warning`: it produced output, but something was skipped. */
  readonly severity: "error" | "warning";
  /** A short stable code for grouping, e.g. `xml-malformed`, `doctype-entities`, `no-references`. */
  readonly code: string;
  /** A sentence a person can act on. */
  readonly reason: string;
}

/** Makes a diagnostic; line and column default to unknown. */
export function diagnostic(
  file: string,
  stage: Stage,
  code: string,
  reason: string,
  place: { line?: number | null; column?: number | null; severity?: "error" | "warning" } = {},
): Diagnostic {
  return {
    file,
    line: place.line ?? null,
    column: place.column ?? null,
    stage,
    severity: place.severity ?? "error",
    code,
    reason,
  };
}

/** Formats a diagnostic as one line: `file:line:col: stage error [code] reason`. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line == null ? "" : d.column == null ? `:${d.line}` : `:${d.line}:${d.column}`;
  return `${d.file}${place}: ${d.stage} ${d.severity} [${d.code}] ${d.reason}`;
}
