/** Citation statements and their classification. */

import type { ReferenceEntry, SectionKind } from "./document.js";
import type { Doi } from "./ids.js";

export type Stance = "supporting" | "mentioning" | "contrasting";
export type Intent = "background" | "method" | "result";
export const STANCES: readonly Stance[] = ["supporting", "mentioning", "contrasting"];
export const INTENTS: readonly Intent[] = ["background", "method", "result"];

/**
 * One citation statement: one (sentence, cited reference) pair. These are exactly the fields of
 * `citelens extract --jsonl`, a contract other tools depend on.
 */
export interface Statement {
  readonly citingDoi: Doi | null;
  /** The `id` of the JATS `<ref>`, or the TEI `xml:id`. */
  readonly refId: string;
  /** The marker text as printed. */
  readonly marker: string;
  readonly sentence: string;
  /** The neighbouring sentences in the same paragraph, "" when none. */
  readonly before: string;
  readonly after: string;
  /** Heading text of the top-level section. */
  readonly section: string;
  readonly sectionKind: SectionKind;
  /** Paragraph index in the document. */
  readonly paragraph: number;
  /** Offsets of the sentence in the paragraph's plain text: `paragraphText.slice(start, end) === sentence`. */
  readonly start: number;
  readonly end: number;
  readonly cited: ReferenceEntry;
  /** null, or the sub-article type (`decision-letter`, `reply`, ...). */
  readonly subArticle: string | null;
}

/**
 * A statement as extraction hands it to later stages: the contract fields plus where the marker
 * stands inside the sentence (for the classifier's `<<...>>` mark and the app's highlight).
 */
export interface ExtractedStatement extends Statement {
  /** Offsets of the marker inside `sentence`. */
  readonly markerStart: number;
  readonly markerEnd: number;
}

/** What the classifier reads. The target citation in `sentence` may be marked `<<...>>`. */
export interface ClassifyInput {
  readonly sentence: string;
  readonly before?: string;
  readonly after?: string;
  /** Section heading text or section kind. */
  readonly section?: string;
}

/** What the classifier says of one statement. */
export interface Classification {
  readonly stance: Stance;
  /** Calibrated probability of `stance`, 0..1. */
  readonly confidence: number;
  readonly intent: Intent;
  readonly intentConfidence: number;
  /** The few words or phrases that pushed the decision most ("why"). */
  readonly cues: readonly string[];
}
