/** Builders of ArticleWrite objects for the conformance suite and the store tests. */
import type { Person, SectionKind } from "../../core/document.js";
import { type Doi, normalizeDoi, statementId, type WorkId, workIdFromDoi, workIdFromKey } from "../../core/ids.js";
import type { Intent, Stance } from "../../core/statement.js";
import type { ArticleWrite, ReferenceInput, StatementInput, WorkInput } from "../../core/store.js";

/** The versions every fixture source is written with. */
export const VERSIONS = { parser: "p1", extractor: "e1", resolver: "r1", classifier: "c1" } as const;

/** A person from "Given Surname". */
export function person(name: string, orcid: string | null = null): Person {
  const parts = name.trim().split(/\s+/);
  const surname = parts.pop() ?? name;
  return { surname, given: parts.length > 0 ? parts.join(" ") : null, orcid };
}

/** A DOI (must be well formed). */
export function doi(text: string): Doi {
  const d = normalizeDoi(text);
  if (d === null) throw new Error(`not a DOI: ${text}`);
  return d;
}

/** A work known by DOI, with optional fields. */
export function workByDoi(doiText: string, fields: Partial<Omit<WorkInput, "workId" | "doi">> = {}): WorkInput {
  const d = doi(doiText);
  return { ...blankWork(workIdFromDoi(d), d), ...fields };
}

/** A work known only by metadata (no DOI), keyed like the resolver keys it. */
export function workByKey(key: string, fields: Partial<Omit<WorkInput, "workId" | "doi">> = {}): WorkInput {
  return { ...blankWork(workIdFromKey(key), null), ...fields };
}

function blankWork(workId: WorkId, d: Doi | null): WorkInput {
  return {
    workId,
    doi: d,
    title: null,
    titleKey: null,
    authors: [],
    year: null,
    journal: null,
    type: null,
    abstract: null,
    license: null,
  };
}

/** What a fixture statement may set; everything else gets a plain default. */
export interface StatementSpec {
  readonly cited: WorkInput;
  readonly sentence: string;
  readonly stance?: Stance;
  readonly confidence?: number;
  readonly sectionKind?: SectionKind;
  readonly section?: string;
  readonly intent?: Intent;
  readonly selfCitation?: boolean;
  readonly before?: string;
  readonly after?: string;
  readonly cues?: readonly string[];
}

/** An article citing the works of its statements (one reference per distinct cited work, in first-use order). */
export function article(
  path: string,
  work: WorkInput,
  specs: readonly StatementSpec[],
  options: { contentHash?: string; extraRefs?: readonly WorkInput[] } = {},
): ArticleWrite {
  const refs: ReferenceInput[] = [];
  const refIdOf = new Map<string, string>();
  for (const cited of [...specs.map((s) => s.cited), ...(options.extraRefs ?? [])]) {
    if (refIdOf.has(cited.workId)) continue;
    const refId = `bib${refs.length + 1}`;
    refIdOf.set(cited.workId, refId);
    refs.push({
      refId,
      position: refs.length,
      raw: `${cited.authors[0]?.surname ?? "Anon"} (${cited.year ?? "n.d."}) ${cited.title ?? "Untitled"}.`,
      cited,
      method: cited.doi === null ? "unresolved" : "doi",
      score: cited.doi === null ? 0 : 1,
    });
  }
  const statements: StatementInput[] = specs.map((s, i) => {
    const refId = refIdOf.get(s.cited.workId) as string;
    const marker = `(${s.cited.authors[0]?.surname ?? "Anon"}, ${s.cited.year ?? "n.d."})`;
    const sentence = `${s.sentence} ${marker}.`;
    const markerStart = s.sentence.length + 1;
    return {
      id: statementId(work.workId, refId, i, 0),
      citedWorkId: s.cited.workId,
      refId,
      marker,
      sentence,
      before: s.before ?? "",
      after: s.after ?? "",
      markerStart,
      markerEnd: markerStart + marker.length,
      section: s.section ?? "Discussion",
      sectionKind: s.sectionKind ?? "discussion",
      paragraph: i,
      start: 0,
      end: sentence.length,
      subArticle: null,
      stance: s.stance ?? "mentioning",
      confidence: s.confidence ?? 0.8,
      intent: s.intent ?? "background",
      intentConfidence: 0.7,
      cues: s.cues ?? [],
      selfCitation: s.selfCitation ?? false,
    };
  });
  return {
    source: { path, contentHash: options.contentHash ?? `hash-of-${path}`, versions: VERSIONS },
    work,
    references: refs,
    statements,
    diagnostics: [],
  };
}
