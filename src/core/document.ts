/**
 * The one document model every parser produces (JATS, TEI, ...). Extraction reads only this.
 */
import type { Doi } from "./ids.js";

/** A person as an author: surname, given names as printed, ORCID when the source gives one. */
export interface Person {
  readonly surname: string;
  readonly given: string | null;
  /** Bare ORCID, `0000-0002-1825-0097`, without the URL. */
  readonly orcid: string | null;
}

/** The normalized kind of a section; nested sections inherit the kind of their top-level section. */
export type SectionKind = "introduction" | "methods" | "results" | "discussion" | "conclusion" | "other";

export const SECTION_KINDS: readonly SectionKind[] = [
  "introduction",
  "methods",
  "results",
  "discussion",
  "conclusion",
  "other",
];

/** Bibliographic metadata of the article itself. */
export interface WorkMeta {
  readonly doi: Doi | null;
  readonly title: string | null;
  readonly authors: readonly Person[];
  readonly journal: string | null;
  readonly year: number | null;
  /** From JATS `article-type` (research-article, review-article, correction, editorial, ...). */
  readonly publicationType: string | null;
  readonly abstract: string | null;
  /** License URL, or its text when no URL is given. */
  readonly license: string | null;
}

/** One entry of the reference list, with every field the source gives. */
export interface ReferenceEntry {
  /** The JATS `<ref id>` or the TEI `xml:id`. */
  readonly id: string;
  /** The reference as printed, whitespace collapsed. */
  readonly raw: string;
  readonly doi: Doi | null;
  readonly pmid: string | null;
  readonly title: string | null;
  readonly authors: readonly Person[];
  readonly year: number | null;
  /** Source: journal, book or conference title. */
  readonly source: string | null;
  readonly volume: string | null;
  readonly pages: string | null;
  /** JATS `publication-type` (journal, book, data, software, ...). */
  readonly publicationType: string | null;
}

/** A section heading and its normalized kind. `heading` is the top-level section's heading text. */
export interface Section {
  readonly heading: string;
  readonly kind: SectionKind;
}

/** An in-text citation marker: the printed text and the reference ids it points to. */
export interface CitationMarker {
  /** Reference ids in the order given (a JATS `rid` may hold several, separated by spaces). */
  readonly refIds: readonly string[];
  /** The marker text as printed, e.g. `Smith et al., 2010` or `3`. */
  readonly text: string;
  /** Offsets of the marker in the paragraph's plain text: `text === paragraph.text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

/** A paragraph of running text, as plain text with its citation markers located by offset. */
export interface Paragraph {
  /** Position of the paragraph in the document, 0-based, counting every paragraph kept. */
  readonly index: number;
  readonly text: string;
  readonly section: Section;
  readonly markers: readonly CitationMarker[];
  /** null in the main article; the sub-article type (`decision-letter`, `reply`, ...) otherwise. */
  readonly subArticle: string | null;
}

/** A parsed article. */
export interface ParsedDocument {
  readonly format: "jats" | "tei";
  readonly work: WorkMeta;
  readonly paragraphs: readonly Paragraph[];
  /** The reference list in its printed order (range expansion relies on this order). */
  readonly references: readonly ReferenceEntry[];
}
