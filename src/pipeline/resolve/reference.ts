/** What a reference-list entry says about the work it cites, as the resolver uses it. */
import type { ReferenceEntry } from "../../core/document.js";
import { workIdFromDoi, workIdFromKey } from "../../core/ids.js";
import type { WorkInput } from "../../core/store.js";
import { articleDoi } from "./component-doi.js";
import { foldText, surnameKey, titleKey } from "./normalize.js";
import type { MatchMeta } from "./score.js";

/**
 * The title of the cited work: the article title, or the source itself when there is no article title
 * (a book, a data set, software), so the journal field then stays empty.
 */
export function citedTitle(ref: ReferenceEntry): { title: string | null; journal: string | null; key: string | null } {
  const key = titleKey(ref.title);
  if (key !== null) return { title: ref.title, journal: ref.source, key };
  return { title: ref.source, journal: null, key: titleKey(ref.source) };
}

/** The metadata of a reference for scoring. */
export function referenceMeta(ref: ReferenceEntry): MatchMeta {
  const { journal, key } = citedTitle(ref);
  return { titleKey: key, authors: ref.authors, year: ref.year, journal };
}

/**
 * The key of a work known only from a reference: `titleKey|first-author surname|year`, or the folded
 * raw text when the reference has no title at all. The same reference in many articles gives one key.
 */
export function unresolvedKey(ref: ReferenceEntry): string {
  const meta = referenceMeta(ref);
  if (meta.titleKey === null) return `raw|${foldText(ref.raw)}`;
  return `${meta.titleKey}|${surnameKey(ref.authors[0]?.surname)}|${ref.year ?? ""}`;
}

/** The work a reference describes, with its own metadata, under the given id and DOI. */
export function workFromReference(ref: ReferenceEntry, doi: WorkInput["doi"]): WorkInput {
  const { title, journal, key } = citedTitle(ref);
  return {
    workId: doi !== null ? workIdFromDoi(doi) : workIdFromKey(unresolvedKey(ref)),
    doi,
    title,
    titleKey: key,
    authors: ref.authors,
    year: ref.year,
    journal,
    type: ref.publicationType,
    abstract: null,
    license: null,
  };
}

/**
 * What the resolver needs of one reference, computed ahead (on a worker thread, away from the store):
 * the cited work when the reference has a DOI; else its match metadata (null without a title key) and
 * the work it stands for when nothing matches. A match only replaces that work's id and DOI.
 */
export type PreparedReference =
  | { readonly kind: "doi"; readonly cited: WorkInput }
  | { readonly kind: "metadata"; readonly meta: MatchMeta | null; readonly own: WorkInput };

/** Prepares one reference for {@link Resolver.resolvePrepared} (pure: text keys and ids only). */
export function prepareReference(ref: ReferenceEntry): PreparedReference {
  if (ref.doi !== null) return { kind: "doi", cited: workFromReference(ref, articleDoi(ref.doi)) };
  const meta = referenceMeta(ref);
  return { kind: "metadata", meta: meta.titleKey === null ? null : meta, own: workFromReference(ref, null) };
}
