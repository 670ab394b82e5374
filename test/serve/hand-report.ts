/** Report objects built by hand for unit tests of the pages and the summary (no store involved). */
import type { Doi, StatementId, WorkId } from "../../src/core/ids.js";
import type { CitingGroup, Report, StatementView, WorkSummary, WorkView } from "../../src/core/report.js";

/** Text that breaks out of elements and attributes when not escaped. */
export const HOSTILE = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

/** A work summary; fields override the defaults. */
export function handWork(over: Partial<WorkView> = {}): WorkView {
  return {
    workId: "w00000000000000aa" as WorkId,
    doi: "10.7554/elife.00102" as Doi,
    title: "A cited work",
    authors: [{ surname: "Smith", given: "Jane", orcid: null }],
    year: 2012,
    journal: "eLife",
    type: "research-article",
    abstract: "An abstract.",
    license: null,
    ingested: true,
    ...over,
  };
}

/** A statement; fields override the defaults. */
export function handStatement(over: Partial<StatementView> = {}): StatementView {
  const sentence = over.sentence ?? "We confirm the earlier result (Smith et al., 2012).";
  const marker = over.marker ?? "Smith et al., 2012";
  const at = sentence.indexOf(marker);
  return {
    id: "s0000000000000001" as StatementId,
    citingWorkId: "w00000000000000bb" as WorkId,
    citedWorkId: "w00000000000000aa" as WorkId,
    refId: "bib1",
    marker,
    sentence,
    before: "Before.",
    after: "After.",
    markerStart: at < 0 ? 0 : at,
    markerEnd: at < 0 ? 0 : at + marker.length,
    section: "Results",
    sectionKind: "results",
    paragraph: 3,
    start: 10,
    end: 60,
    subArticle: null,
    stance: "supporting",
    confidence: 0.87,
    intent: "result",
    intentConfidence: 0.7,
    cues: ["confirm"],
    selfCitation: false,
    ...over,
  };
}

/** A citing group of one work and its statements. */
export function handGroup(citing: Partial<WorkSummary>, statements: StatementView[]): CitingGroup {
  return {
    citing: handWork({
      workId: "w00000000000000bb" as WorkId,
      doi: "10.7554/elife.00291" as Doi,
      title: "A citing paper",
      year: 2013,
      ...citing,
    }),
    statements,
  };
}

/** A report over the given groups, with facets and tallies counted from them. */
export function handReport(work: WorkView, groups: CitingGroup[], referenceCount = 0): Report {
  const all = groups.flatMap((g) => g.statements.map((s) => ({ s, g })));
  const count = (key: (x: (typeof all)[number]) => string) => {
    const m = new Map<string, number>();
    for (const x of all) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return [...m].map(([value, n]) => ({ value, count: n }));
  };
  const tallies = { supporting: 0, mentioning: 0, contrasting: 0 };
  for (const { s } of all) tallies[s.stance]++;
  return {
    work,
    tallies,
    citingPublications: groups.length,
    statementCount: all.length,
    referenceCount,
    statements: groups,
    facets: {
      sectionKind: count((x) => x.s.sectionKind),
      stance: count((x) => x.s.stance),
      year: count((x) => String(x.g.citing.year)).sort((a, b) => a.value.localeCompare(b.value)),
      publicationType: count((x) => x.g.citing.type ?? "unknown"),
      relationship: count((x) => (x.s.selfCitation ? "self" : "independent")),
      authors: count((x) => `${x.g.citing.authors[0]?.surname ?? "?"}, J.`),
      journals: count((x) => x.g.citing.journal ?? "?"),
    },
    page: {
      order: "relevance",
      page: 1,
      pageSize: 10,
      matchingPublications: groups.length,
      matchingStatements: all.length,
    },
  };
}
