/**
 * Works named in URLs: `/works/{doi}` (a DOI keeps its slashes) or `/works/{workId}` for works without
 * a DOI. One function finds the work, one writes the path back.
 */
import { normalizeDoi, parseWorkId } from "../core/ids.js";
import type { StoreReader, WorkSummary, WorkView } from "../core/report.js";

/** What a DOI-or-work-id from a URL names. */
export type WorkLookup =
  | { readonly kind: "found"; readonly work: WorkView }
  | { readonly kind: "unknown"; readonly key: string }
  | { readonly kind: "malformed"; readonly input: string };

/** Decodes a URL path fragment, keeping it as written when it holds a stray `%`. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Finds the work a URL names: a work id, or a DOI in any common form; malformed when it is neither. */
export async function lookupWork(reader: StoreReader, input: string): Promise<WorkLookup> {
  const text = input.trim();
  const id = parseWorkId(text);
  const key = id ?? normalizeDoi(text);
  if (key === null) return { kind: "malformed", input: text };
  const work = await reader.findWork(key);
  return work === null ? { kind: "unknown", key } : { kind: "found", work };
}

/** The key a work goes by in URLs: its DOI when it has one, else its work id. */
export function workKey(work: Pick<WorkSummary, "doi" | "workId">): string {
  return work.doi ?? work.workId;
}

/** The path of a work's report page, e.g. `/works/10.7554/elife.00102`. */
export function workPath(work: Pick<WorkSummary, "doi" | "workId">, prefix = "/works/"): string {
  return prefix + workKey(work).split("/").map(encodeURIComponent).join("/");
}
