/** The WHERE clause of a report or a search from its filters, over `statements s JOIN works w ON w.rid = s.citing`. */
import type { ReportQuery } from "../../core/report.js";
import { sectionKindCode, stanceCode } from "./codes.js";

/** SQL conditions (joined with AND) and their parameters. */
export interface Where {
  readonly conditions: string[];
  readonly params: unknown[];
}

/** Adds `column IN (?, ...)` for a non-empty list. */
function inList(where: Where, column: string, values: readonly unknown[] | undefined): void {
  if (values === undefined || values.length === 0) return;
  where.conditions.push(`${column} IN (${values.map(() => "?").join(", ")})`);
  where.params.push(...values);
}

/** The filter conditions of a query (every facet filter; the full text is added by the caller). */
export function filterWhere(query: ReportQuery): Where {
  const where: Where = { conditions: [], params: [] };
  inList(where, "s.stance", query.stance?.map(stanceCode));
  inList(where, "s.section_kind", query.sectionKind?.map(sectionKindCode));
  if (query.yearFrom !== undefined) {
    where.conditions.push("w.year >= ?");
    where.params.push(query.yearFrom);
  }
  if (query.yearTo !== undefined) {
    where.conditions.push("w.year <= ?");
    where.params.push(query.yearTo);
  }
  inList(where, "w.type", query.publicationType);
  inList(where, "w.journal", query.journal);
  const rel = new Set(query.relationship ?? []);
  if (rel.size === 1) where.conditions.push(rel.has("self") ? "s.self = 1" : "s.self = 0");
  if (query.author !== undefined && query.author.length > 0) {
    where.conditions.push(
      `s.citing IN (SELECT work FROM authors WHERE name IN (${query.author.map(() => "?").join(", ")}))`,
    );
    where.params.push(...query.author);
  }
  return where;
}

/**
 * The same filters over the facet cells of `work_facets` (unknown year 0), or null when the query filters
 * by author, which the cells do not record.
 */
export function cellWhere(query: ReportQuery): Where | null {
  if (query.author !== undefined && query.author.length > 0) return null;
  const where: Where = { conditions: [], params: [] };
  inList(where, "stance", query.stance?.map(stanceCode));
  inList(where, "section_kind", query.sectionKind?.map(sectionKindCode));
  if (query.yearFrom !== undefined) {
    where.conditions.push("year != 0 AND year >= ?");
    where.params.push(query.yearFrom);
  }
  if (query.yearTo !== undefined) {
    where.conditions.push("year != 0 AND year <= ?");
    where.params.push(query.yearTo);
  }
  inList(where, "type", query.publicationType);
  inList(where, "journal", query.journal);
  const rel = new Set(query.relationship ?? []);
  if (rel.size === 1) where.conditions.push(rel.has("self") ? "self = 1" : "self = 0");
  return where;
}
