/** Stored rows and their mapping to the read-side documents of src/core/report.ts. */
import type { Person } from "../../core/document.js";
import type { Doi, StatementId, WorkId } from "../../core/ids.js";
import type { StatementView, Tallies, WorkSummary, WorkView } from "../../core/report.js";
import { intentOf, sectionKindOf, stanceOf } from "./codes.js";

/** A row of `works` as selected by WORK_COLUMNS. */
export interface WorkRow {
  rid: number;
  work_id: string;
  doi: string | null;
  title: string | null;
  title_key: string | null;
  authors: string;
  year: number | null;
  journal: string | null;
  type: string | null;
  abstract: string | null;
  license: string | null;
  ingested: number;
}

/** The columns of a WorkRow, for `SELECT ${workColumns("w")} FROM works w`. */
export function workColumns(alias: string): string {
  return [
    "rid",
    "work_id",
    "doi",
    "title",
    "title_key",
    "authors",
    "year",
    "journal",
    "type",
    "abstract",
    "license",
    "ingested",
  ]
    .map((c) => `${alias}.${c} AS ${c}`)
    .join(", ");
}

/** A work row as listed. */
export function toWorkSummary(row: WorkRow): WorkSummary {
  return {
    workId: row.work_id as WorkId,
    doi: row.doi as Doi | null,
    title: row.title,
    authors: parsePersons(row.authors),
    year: row.year,
    journal: row.journal,
    type: row.type,
  };
}

/** A work row with its report-header fields. */
export function toWorkView(row: WorkRow): WorkView {
  return { ...toWorkSummary(row), abstract: row.abstract, license: row.license, ingested: row.ingested === 1 };
}

/** Persons as stored (a JSON array written by this store). */
export function parsePersons(json: string): readonly Person[] {
  return JSON.parse(json) as Person[];
}

/** A row of `statements` joined to the citing and cited work ids, as selected by STATEMENT_COLUMNS. */
export interface StatementRow {
  rid: number;
  id: string;
  citing_id: string;
  cited_id: string;
  ref_id: string;
  marker: string;
  sentence: string;
  before_text: string;
  after_text: string;
  marker_start: number;
  marker_end: number;
  section: string;
  section_kind: number;
  paragraph: number;
  start_offset: number;
  end_offset: number;
  sub_article: string | null;
  stance: number;
  confidence: number;
  intent: number;
  intent_confidence: number;
  cues: string;
  self: number;
}

/** Columns of a StatementRow from `statements s JOIN works wc ON wc.rid = s.citing JOIN works wd ON wd.rid = s.cited`. */
export const STATEMENT_COLUMNS = `s.rid AS rid, s.id AS id, wc.work_id AS citing_id, wd.work_id AS cited_id, s.ref_id AS ref_id,
  s.marker AS marker, s.sentence AS sentence, s.before_text AS before_text, s.after_text AS after_text,
  s.marker_start AS marker_start, s.marker_end AS marker_end, s.section AS section, s.section_kind AS section_kind,
  s.paragraph AS paragraph, s.start_offset AS start_offset, s.end_offset AS end_offset, s.sub_article AS sub_article,
  s.stance AS stance, s.confidence AS confidence, s.intent AS intent, s.intent_confidence AS intent_confidence,
  s.cues AS cues, s.self AS self`;

/** A statement row as the read side shows it. */
export function toStatementView(row: StatementRow): StatementView {
  return {
    id: row.id as StatementId,
    citingWorkId: row.citing_id as WorkId,
    citedWorkId: row.cited_id as WorkId,
    refId: row.ref_id,
    marker: row.marker,
    sentence: row.sentence,
    before: row.before_text,
    after: row.after_text,
    markerStart: row.marker_start,
    markerEnd: row.marker_end,
    section: row.section,
    sectionKind: sectionKindOf(row.section_kind),
    paragraph: row.paragraph,
    start: row.start_offset,
    end: row.end_offset,
    subArticle: row.sub_article,
    stance: stanceOf(row.stance),
    confidence: row.confidence,
    intent: intentOf(row.intent),
    intentConfidence: row.intent_confidence,
    cues: JSON.parse(row.cues) as string[],
    selfCitation: row.self === 1,
  };
}

/** A row of `work_stats` (absent for a work nobody cites). */
export interface TallyRow {
  supporting: number | null;
  mentioning: number | null;
  contrasting: number | null;
}

/** Tallies of a work_stats row; zeros when the work has none. */
export function toTallies(row: TallyRow | undefined): Tallies {
  return {
    supporting: row?.supporting ?? 0,
    mentioning: row?.mentioning ?? 0,
    contrasting: row?.contrasting ?? 0,
  };
}
