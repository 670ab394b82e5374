/**
 * The index stage: one analyzed article (parse + extract + classify output) and its resolved references
 * become one `ArticleWrite`, which the store writes in one transaction.
 */
import { type Diagnostic, diagnostic } from "../../core/diagnostic.js";
import type { ReferenceEntry, WorkMeta } from "../../core/document.js";
import { statementId, type WorkId, workIdFromDoi, workIdFromKey } from "../../core/ids.js";
import type { Classification, ExtractedStatement } from "../../core/statement.js";
import type { ArticleWrite, ReferenceInput, StatementInput, WorkInput } from "../../core/store.js";
import {
  authorSet,
  isSelfCitation,
  type PreparedReference,
  prepareReference,
  type Resolver,
  surnameKey,
  titleKey,
} from "../resolve/index.js";

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

/** A statement ready to write but for the work it cites (known once its reference is resolved). */
export type PreparedStatement = Omit<StatementInput, "citedWorkId">;

/**
 * One article with everything computed that does not need the store: its work, its references prepared
 * for the resolver, its statements with ids, labels and self-citation flags. Built on a worker thread.
 */
export interface PreparedArticle {
  readonly work: WorkInput;
  /** The reference list (first entry of a duplicated id only), in list order. */
  readonly references: readonly {
    readonly refId: string;
    readonly position: number;
    readonly raw: string;
    readonly ref: PreparedReference;
  }[];
  /** Statements whose reference id is not in the list: what their marker cites, by reference id. */
  readonly orphans: readonly (readonly [string, PreparedReference])[];
  readonly statements: readonly PreparedStatement[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The resolved part of an article write: everything but the statements, and what each reference id cites. */
export interface ResolvedArticle {
  readonly work: WorkInput;
  readonly references: readonly ReferenceInput[];
  /** The cited work of every reference id a statement may carry (list entries and orphans). */
  readonly citedByRefId: ReadonlyMap<string, WorkId>;
}

/**
 * Prepares one analyzed article (pure: no store, no resolver state): the article's work, its prepared
 * references, statements with ids and labels, self-citations decided (they depend only on the two author
 * lists). Statements without a label get a warning and are left out; repeated ids are kept once.
 */
export function prepareArticle(
  path: string,
  article: AnalyzedArticle,
  diagnostics: readonly Diagnostic[],
): PreparedArticle {
  const work = articleWork(article.work, path);
  const notes: Diagnostic[] = [...diagnostics];
  const references: PreparedArticle["references"][number][] = [];
  const listed = new Set<string>();
  for (const [position, ref] of article.references.entries()) {
    if (listed.has(ref.id)) continue; // extract warns of duplicate ids; markers cite the first
    listed.add(ref.id);
    references.push({ refId: ref.id, position, raw: ref.raw, ref: prepareReference(ref) });
  }
  const orphans = new Map<string, PreparedReference>();
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
  const statements: PreparedStatement[] = [];
  const ids = new Set<string>();
  for (const [i, s] of article.statements.entries()) {
    const c = article.classifications[i];
    if (c === undefined) {
      notes.push(
        diagnostic(path, "classify", "missing-classification", `statement ${i} got no label; skipped`, {
          severity: "warning",
        }),
      );
      continue;
    }
    // A statement whose reference is not in the list (extraction keeps such only with an entry).
    if (!listed.has(s.refId) && !orphans.has(s.refId)) orphans.set(s.refId, prepareReference(s.cited));
    const id = statementId(work.workId, s.refId, s.paragraph, s.start);
    if (ids.has(id)) continue;
    ids.add(id);
    statements.push({
      id,
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
  return { work, references, orphans: [...orphans], statements, diagnostics: notes };
}

/**
 * Resolves a prepared article's references (in list order, then the orphans) and remembers its works in
 * the resolver for later articles of the batch.
 */
export async function resolveArticle(
  article: Pick<PreparedArticle, "work" | "references" | "orphans">,
  resolver: Resolver,
): Promise<ResolvedArticle> {
  const references: ReferenceInput[] = [];
  const citedByRefId = new Map<string, WorkId>();
  for (const { refId, position, raw, ref } of article.references) {
    const r = await resolver.resolvePrepared(ref);
    citedByRefId.set(refId, r.cited.workId);
    references.push({ refId, position, raw, cited: r.cited, method: r.method, score: r.score });
  }
  for (const [refId, ref] of article.orphans)
    citedByRefId.set(refId, (await resolver.resolvePrepared(ref)).cited.workId);
  resolver.remember(
    references.map((r) => r.cited),
    article.work,
  );
  return { work: article.work, references, citedByRefId };
}

/** The article write: the resolved article with its statements linked to the works they cite. */
export function joinArticle(
  source: ArticleWrite["source"],
  resolved: ResolvedArticle,
  statements: readonly PreparedStatement[],
  diagnostics: readonly Diagnostic[],
): ArticleWrite {
  const linked = statements.map((s): StatementInput => {
    const cited = resolved.citedByRefId.get(s.refId);
    if (cited === undefined)
      throw new Error(`statement ${s.id} of ${source.path} has reference id ${s.refId}, which was not resolved`);
    return { ...s, citedWorkId: cited };
  });
  return { source, work: resolved.work, references: resolved.references, statements: linked, diagnostics };
}

/**
 * Builds the write of one article in one step (prepare, resolve, join): resolves its references (in list
 * order), links and classifies its statements, flags self-citations. Remembers the article's works in the
 * resolver for later articles.
 */
export async function buildArticle(
  source: ArticleWrite["source"],
  article: AnalyzedArticle,
  diagnostics: readonly Diagnostic[],
  resolver: Resolver,
): Promise<ArticleWrite> {
  const prepared = prepareArticle(source.path, article, diagnostics);
  const resolved = await resolveArticle(prepared, resolver);
  return joinArticle(source, resolved, prepared.statements, prepared.diagnostics);
}
