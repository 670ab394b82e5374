/**
 * The index stage: one analyzed article (parse + extract + classify output) and its resolved references
 * become one `ArticleWrite`, which the store writes in one transaction.
 */
import { type Diagnostic, diagnostic } from "../../core/diagnostic.js";
import type { ReferenceEntry, WorkMeta } from "../../core/document.js";
import { statementId, type WorkId, workIdFromDoi, workIdFromKey } from "../../core/ids.js";
import type { Classification, ExtractedStatement } from "../../core/statement.js";
import type { ArticleWrite, ReferenceInput, StatementInput, WorkInput } from "../../core/store.js";
import { authorSet, isSelfCitation, type Resolver, surnameKey, titleKey } from "../resolve/index.js";

/** What the worker produced for one article. */
export interface AnalyzedArticle {
  readonly work: WorkMeta;
  readonly references: readonly ReferenceEntry[];
  readonly statements: readonly ExtractedStatement[];
  readonly classifications: readonly Classification[];
}

/** The work of an ingested article: its DOI's id, else an id from its own metadata (or its path). */
export function articleWork(meta: WorkMeta, path: string): WorkInput {
  const key = titleKey(meta.title);
  const workId =
    meta.doi !== null
      ? workIdFromDoi(meta.doi)
      : workIdFromKey(
          key !== null ? `article|${key}|${surnameKey(meta.authors[0]?.surname)}|${meta.year ?? ""}` : `source|${path}`,
        );
  return {
    workId,
    doi: meta.doi,
    title: meta.title,
    titleKey: key,
    authors: meta.authors,
    year: meta.year,
    journal: meta.journal,
    type: meta.publicationType,
    abstract: meta.abstract,
    license: meta.license,
  };
}

/**
 * Builds the write of one article: resolves its references (in list order), links and classifies its
 * statements, flags self-citations. Remembers the article's works in the resolver for later articles.
 */
export async function buildArticle(
  source: ArticleWrite["source"],
  article: AnalyzedArticle,
  diagnostics: readonly Diagnostic[],
  resolver: Resolver,
): Promise<ArticleWrite> {
  const work = articleWork(article.work, source.path);
  const notes: Diagnostic[] = [...diagnostics];
  const references: ReferenceInput[] = [];
  const byRefId = new Map<string, WorkId>();
  for (const [position, ref] of article.references.entries()) {
    if (byRefId.has(ref.id)) continue; // extract warns of duplicate ids; markers cite the first
    const r = await resolver.resolve(ref);
    byRefId.set(ref.id, r.cited.workId);
    references.push({ refId: ref.id, position, raw: ref.raw, cited: r.cited, method: r.method, score: r.score });
  }
  const citing = authorSet(article.work.authors);
  // Self-citation depends only on the cited reference: decide it once per reference id.
  const self = new Map<string, boolean>();
  const selfCitation = (s: ExtractedStatement): boolean => {
    let known = self.get(s.refId);
    if (known === undefined) {
      known = isSelfCitation(citing, s.cited.authors);
      self.set(s.refId, known);
    }
    return known;
  };
  const statements: StatementInput[] = [];
  const ids = new Set<string>();
  for (const [i, s] of article.statements.entries()) {
    const c = article.classifications[i];
    if (c === undefined) {
      notes.push(
        diagnostic(source.path, "classify", "missing-classification", `statement ${i} got no label; skipped`, {
          severity: "warning",
        }),
      );
      continue;
    }
    let cited = byRefId.get(s.refId);
    if (cited === undefined) {
      // A statement whose reference is not in the list (extraction keeps such only with an entry).
      const r = await resolver.resolve(s.cited);
      cited = r.cited.workId;
    }
    const id = statementId(work.workId, s.refId, s.paragraph, s.start);
    if (ids.has(id)) continue;
    ids.add(id);
    statements.push({
      id,
      citedWorkId: cited,
      refId: s.refId,
      marker: s.marker,
      sentence: s.sentence,
      before: s.before,
      after: s.after,
      markerStart: s.markerStart,
      markerEnd: s.markerEnd,
      section: s.section,
      sectionKind: s.sectionKind,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      subArticle: s.subArticle,
      stance: c.stance,
      confidence: c.confidence,
      intent: c.intent,
      intentConfidence: c.intentConfidence,
      cues: c.cues,
      selfCitation: selfCitation(s),
    });
  }
  resolver.remember(
    references.map((r) => r.cited),
    work,
  );
  return { source, work, references, statements, diagnostics: notes };
}
