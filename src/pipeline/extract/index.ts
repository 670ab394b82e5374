/**
 * The extract stage: a parsed document becomes citation statements, one per (sentence, cited
 * reference), in document order. Problems in the input (a marker whose rid matches no reference, a
 * range that cannot be expanded) are warnings; extraction never throws on input.
 */
import type { Diagnostic } from "../../core/diagnostic.js";
import { diagnostic } from "../../core/diagnostic.js";
import type { CitationMarker, ParsedDocument, ReferenceEntry } from "../../core/document.js";
import type { ExtractedStatement } from "../../core/statement.js";
import { citationsOf } from "./markers/ranges.js";
import { segmentParagraphs } from "./segment/segmenter.js";
import { paragraphStatements } from "./statements.js";

/** Version of the extractor; stored with every ingested source. A change re-extracts. */
export const EXTRACTOR_VERSION = "extract-1";

/** What extraction gives for one document. */
export interface ExtractResult {
  readonly statements: ExtractedStatement[];
  readonly diagnostics: Diagnostic[];
}

/**
 * One statement per (sentence, cited reference), in document order. Problems (e.g. a marker whose
 * rid matches no reference) are warnings.
 *
 * @example extract(parseBytes(file, bytes).document, file).statements[0].sentence
 */
export function extract(doc: ParsedDocument, file: string): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, reason: string) =>
    diagnostics.push(diagnostic(file, "extract", code, reason, { severity: "warning" }));
  const order = new Map<string, number>();
  doc.references.forEach((r, i) => {
    if (order.has(r.id)) warn("duplicate-ref-id", `two references have the id "${r.id}"; markers cite the first`);
    else order.set(r.id, i);
  });
  const reference = (id: string): ReferenceEntry | undefined => {
    const i = order.get(id);
    return i === undefined ? undefined : doc.references[i];
  };
  const refIdAt = (p: number) => (doc.references[p] as ReferenceEntry).id;
  const unknown = new Map<string, { count: number; marker: string; paragraph: number }>();
  const statements: ExtractedStatement[] = [];
  const cited = doc.paragraphs
    .filter((p) => p.markers.length > 0)
    .map((paragraph) => ({
      paragraph,
      markers: usableMarkers(paragraph.text, paragraph.markers, paragraph.index, warn),
    }));
  // One call for the whole document: the segmenter is fastest on batches of paragraphs.
  const sentences = segmentParagraphs(cited.map((c) => ({ text: c.paragraph.text, markers: c.markers })));
  cited.forEach(({ paragraph, markers }, i) => {
    const spans = sentences[i] ?? [];
    if (spans.length === 0) return;
    const { citations, problems } = citationsOf(paragraph.text, markers, order, refIdAt);
    for (const p of problems) warn(p.code, `paragraph ${paragraph.index}: ${p.reason}`);
    const onUnknown = (c: { refId: string; marker: string }) => {
      const u = unknown.get(c.refId);
      if (u) u.count++;
      else unknown.set(c.refId, { count: 1, marker: c.marker, paragraph: paragraph.index });
    };
    statements.push(...paragraphStatements(doc.work.doi, paragraph, spans, citations, reference, onUnknown));
  });
  for (const [rid, u] of unknown) {
    const times = u.count === 1 ? "once" : `${u.count} times`;
    warn(
      "unknown-rid",
      `marker "${u.marker}" (paragraph ${u.paragraph}) cites rid "${rid}", which matches no reference (${times}); skipped`,
    );
  }
  return { statements, diagnostics };
}

/** The markers in text order, without those whose offsets do not fit the text or that cite nothing. */
function usableMarkers(
  text: string,
  markers: readonly CitationMarker[],
  index: number,
  warn: (code: string, reason: string) => void,
): CitationMarker[] {
  const out: CitationMarker[] = [];
  for (const m of markers) {
    if (!(m.start >= 0 && m.start <= m.end && m.end <= text.length)) {
      warn(
        "marker-offsets",
        `paragraph ${index}: marker "${m.text}" has offsets ${m.start}-${m.end} outside its text; skipped`,
      );
    } else if (m.refIds.length === 0) {
      warn("marker-no-rid", `paragraph ${index}: marker "${m.text}" names no reference; skipped`);
    } else out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}
