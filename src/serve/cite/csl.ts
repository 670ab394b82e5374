/** CSL-JSON items for a work (the format citeproc and reference managers read). */
import type { WorkSummary } from "../../core/report.js";

/** A CSL-JSON item as Citelens writes it. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly { readonly family: string; readonly given?: string }[];
  readonly issued?: { readonly "date-parts": readonly (readonly number[])[] };
  readonly "container-title"?: string;
  readonly DOI?: string;
  readonly URL?: string;
}

function cslType(type: string | null): string {
  if (type === "book") return "book";
  if (type === "chapter" || type === "book-chapter") return "chapter";
  if (type === "confproc" || type === "conference") return "paper-conference";
  if (type === "data") return "dataset";
  if (type === "software") return "software";
  if (type === "thesis") return "thesis";
  if (type === "preprint") return "article";
  if (type === "web") return "webpage";
  return "article-journal";
}

/** The CSL-JSON item of a work. */
export function cslItem(work: WorkSummary): CslItem {
  return {
    id: work.doi ?? work.workId,
    type: cslType(work.type),
    ...(work.title ? { title: work.title } : {}),
    ...(work.authors.length > 0
      ? { author: work.authors.map((a) => (a.given ? { family: a.surname, given: a.given } : { family: a.surname })) }
      : {}),
    ...(work.year !== null ? { issued: { "date-parts": [[work.year]] } } : {}),
    ...(work.journal ? { "container-title": work.journal } : {}),
    ...(work.doi ? { DOI: work.doi, URL: `https://doi.org/${work.doi}` } : {}),
  };
}
