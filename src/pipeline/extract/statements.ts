/** Turns one paragraph's sentences and citations into statements, one per (sentence, reference). */
import type { Paragraph, ReferenceEntry } from "../../core/document.js";
import type { Doi } from "../../core/ids.js";
import type { ExtractedStatement } from "../../core/statement.js";
import type { Citation } from "./markers/ranges.js";
import { sentenceIndexAt } from "./markers/sentences.js";
import type { Span } from "./segment/segmenter.js";

/**
 * The statements of one paragraph in document order. The first citation of a reference in a sentence
 * gives the statement its marker; later ones in the same sentence add nothing. Citations whose
 * reference is unknown are passed to `unknown`.
 */
export function paragraphStatements(
  citingDoi: Doi | null,
  paragraph: Paragraph,
  spans: readonly Span[],
  citations: readonly Citation[],
  reference: (refId: string) => ReferenceEntry | undefined,
  unknown: (citation: Citation) => void,
): ExtractedStatement[] {
  const text = paragraph.text;
  const sentences = spans.map((s) => text.slice(s.start, s.end));
  const made = new Map<string, { order: number; sentence: number; statement: ExtractedStatement }>();
  for (const c of citations) {
    const cited = reference(c.refId);
    if (cited === undefined) {
      unknown(c);
      continue;
    }
    const si = sentenceIndexAt(spans, c.start);
    const key = `${si}\u0000${c.refId}`;
    if (made.has(key)) continue;
    const span = spans[si] as Span;
    const sentence = sentences[si] as string;
    const clamp = (n: number) => Math.min(sentence.length, Math.max(0, n - span.start));
    const statement: ExtractedStatement = {
      citingDoi,
      refId: c.refId,
      marker: c.marker,
      sentence,
      before: sentences[si - 1] ?? "",
      after: sentences[si + 1] ?? "",
      section: paragraph.section.heading,
      sectionKind: paragraph.section.kind,
      paragraph: paragraph.index,
      start: span.start,
      end: span.end,
      cited,
      subArticle: paragraph.subArticle,
      markerStart: clamp(c.start),
      markerEnd: clamp(c.end),
    };
    made.set(key, { order: made.size, sentence: si, statement });
  }
  return [...made.values()].sort((a, b) => a.sentence - b.sentence || a.order - b.order).map((m) => m.statement);
}
