/**
 * "Help me understand this report": a few plain-language sentences built only from the report's data.
 * Each sentence is a list of text runs, some linked to the filtered view of the statements it rests on,
 * so every claim can be checked. Nothing here is free text about the work: only counts, years, section
 * names and quoted statements.
 */
import type { CitingGroup, FacetCount, Report, StatementView, WorkSummary } from "../../core/report.js";
import type { Stance } from "../../core/statement.js";
import { sectionName } from "../labels.js";
import { plural } from "../plural.js";

/** A run of text, linked when `href` is set (a query string and/or a `#s-...` card anchor). */
export interface SummaryRun {
  readonly text: string;
  readonly href?: string;
}

/** One sentence: its runs, and the view of the statements it rests on. */
export interface SummarySentence {
  readonly runs: readonly SummaryRun[];
  /** The query string (with `?`) of the statements the sentence rests on. */
  readonly basis: string;
  /** A quoted statement, when the sentence quotes one. */
  readonly quote?: { readonly statement: StatementView; readonly citing: WorkSummary };
}

/** What the summary reads: the unfiltered report and the strongest statement of each stance. */
export interface SummaryInput {
  /** The report without filters (tallies, facets over every statement citing the work). */
  readonly overall: Report;
  /** Groups from the report filtered to supporting statements, most informative first. */
  readonly supporting: readonly CitingGroup[];
  readonly contrasting: readonly CitingGroup[];
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** The statement with the highest confidence among groups (ties: the first listed). */
export function strongest(
  groups: readonly CitingGroup[],
  stance: Stance,
): { statement: StatementView; citing: WorkSummary } | null {
  let best: { statement: StatementView; citing: WorkSummary } | null = null;
  for (const g of groups)
    for (const s of g.statements)
      if (s.stance === stance && (best === null || s.confidence > best.statement.confidence))
        best = { statement: s, citing: g.citing };
  return best;
}

/** "Smith et al. (2015)", "Smith and Lee (2015)", or the title when there are no authors. */
export function shortCitation(w: WorkSummary): string {
  const year = w.year ?? "n.d.";
  const a = w.authors;
  if (a.length === 0) return `${w.title ?? "An untitled work"} (${year})`;
  if (a.length === 1) return `${a[0]?.surname} (${year})`;
  if (a.length === 2) return `${a[0]?.surname} and ${a[1]?.surname} (${year})`;
  return `${a[0]?.surname} et al. (${year})`;
}

function trend(years: readonly FacetCount[]): SummarySentence | null {
  const ys = years.filter((y) => y.count > 0 && /^\d{4}$/.test(y.value));
  const first = ys[0];
  const last = ys.at(-1);
  if (first === undefined || last === undefined) return null;
  if (first === last)
    return {
      runs: [
        { text: "All of them come from publications of " },
        { text: first.value, href: q({ from: first.value, to: first.value }) },
        { text: "." },
      ],
      basis: q({ from: first.value, to: first.value }),
    };
  const peak = ys.reduce((a, b) => (b.count > a.count ? b : a));
  const direction =
    last.count > first.count ? "rose from" : last.count < first.count ? "fell from" : "stayed level, from";
  const runs: SummaryRun[] = [
    { text: `Citing statements span ${first.value} to ${last.value}; per year they ${direction} ` },
    { text: plural(first.count, "statement"), href: q({ from: first.value, to: first.value }) },
    { text: ` in ${first.value} to ` },
    { text: plural(last.count, "statement"), href: q({ from: last.value, to: last.value }) },
    { text: ` in ${last.value}` },
  ];
  if (peak !== first && peak !== last)
    runs.push(
      { text: ", with a peak of " },
      { text: plural(peak.count, "statement"), href: q({ from: peak.value, to: peak.value }) },
      { text: ` in ${peak.value}` },
    );
  runs.push({ text: "." });
  return { runs, basis: q({ from: first.value, to: last.value }) };
}

function sections(facet: readonly FacetCount[], total: number): SummarySentence | null {
  const ranked = [...facet].filter((f) => f.count > 0).sort((a, b) => b.count - a.count);
  const top = ranked[0];
  if (top === undefined) return null;
  const runs: SummaryRun[] = [
    { text: ranked.length === 1 ? "All of them stand in the " : "Most stand in the " },
    { text: `${sectionName(top.value)} section`, href: q({ section: top.value }) },
    { text: ranked.length === 1 ? "" : ` (${top.count} of ${total})` },
  ];
  const next = ranked.slice(1, 3);
  if (next.length > 0) {
    runs.push({ text: ", then " });
    next.forEach((s, i) => {
      if (i > 0) runs.push({ text: " and " });
      runs.push({ text: sectionName(s.value), href: q({ section: s.value }) }, { text: ` (${s.count})` });
    });
  }
  runs.push({ text: "." });
  return { runs, basis: q({ section: top.value }) };
}

function quoteSentence(
  stance: "supporting" | "contrasting",
  best: { statement: StatementView; citing: WorkSummary } | null,
): SummarySentence {
  const filter = q({ stance });
  if (best === null)
    return {
      runs: [{ text: `No statement in the index is classified as ${stance}.`, href: filter }],
      basis: filter,
    };
  const href = `${filter}#s-${best.statement.id}`;
  return {
    runs: [
      {
        text: `The strongest ${stance} statement (${Math.round(best.statement.confidence * 100)}% confidence) comes from `,
      },
      { text: shortCitation(best.citing), href },
      { text: ":" },
    ],
    basis: href,
    quote: best,
  };
}

/** Builds the summary sentences of a report. An uncited work gets one sentence saying so. */
export function summarize(input: SummaryInput): readonly SummarySentence[] {
  const r = input.overall;
  const t = r.tallies;
  if (r.statementCount === 0)
    return [
      {
        runs: [{ text: "No ingested article in this index cites this work yet, so there is nothing to summarize." }],
        basis: "?",
      },
    ];
  const out: SummarySentence[] = [
    {
      runs: [
        { text: "This work is cited in " },
        { text: plural(r.statementCount, "citation statement"), href: "?#statements" },
        { text: ` from ${plural(r.citingPublications, "publication")}.` },
      ],
      basis: "?",
    },
    {
      runs: [
        { text: "Of these statements, " },
        { text: `${t.supporting} support it`, href: q({ stance: "supporting" }) },
        { text: " with the citing authors' own evidence, " },
        { text: `${t.contrasting} contrast with it`, href: q({ stance: "contrasting" }) },
        { text: ", and " },
        { text: `${t.mentioning} mention it`, href: q({ stance: "mentioning" }) },
        { text: " without taking a stance." },
      ],
      basis: "?",
    },
  ];
  const years = trend(r.facets.year);
  if (years) out.push(years);
  const where = sections(r.facets.sectionKind, r.statementCount);
  if (where) out.push(where);
  const self = r.facets.relationship.find((f) => f.value === "self")?.count ?? 0;
  if (self > 0)
    out.push({
      runs: [
        { text: plural(self, "statement"), href: q({ rel: "self" }) },
        {
          text: `${self === 1 ? " comes" : " come"} from self-citations (the citing and cited papers share an author).`,
        },
      ],
      basis: q({ rel: "self" }),
    });
  out.push(quoteSentence("supporting", strongest(input.supporting, "supporting")));
  out.push(quoteSentence("contrasting", strongest(input.contrasting, "contrasting")));
  return out;
}
