/** An in-memory set of works with a DOI, found by title key: the works seen so far in a batch. */
import type { WorkCandidate, WorkInput } from "../../core/store.js";

/**
 * Works with a DOI by title key. Adding a work already known fills its missing fields and keeps the
 * known ones, exactly as the store's upsert does, so a candidate looks the same whether it comes from
 * here or from the store.
 */
export class CandidateIndex {
  private readonly byId = new Map<string, WorkCandidate>();
  private readonly byKey = new Map<string, Set<string>>();

  /** Adds (or fills) a work; works without a DOI or a title key are ignored. */
  add(work: WorkInput | WorkCandidate): void {
    if (work.doi === null || work.titleKey === null) return;
    const known = this.byId.get(work.workId);
    const merged: WorkCandidate =
      known === undefined
        ? {
            workId: work.workId,
            doi: work.doi,
            title: work.title,
            titleKey: work.titleKey,
            authors: work.authors,
            year: work.year,
            journal: work.journal,
          }
        : {
            workId: known.workId,
            doi: known.doi ?? work.doi,
            title: known.title ?? work.title,
            titleKey: known.titleKey ?? work.titleKey,
            authors: known.authors.length > 0 ? known.authors : work.authors,
            year: known.year ?? work.year,
            journal: known.journal ?? work.journal,
          };
    this.byId.set(work.workId, merged);
    if (merged.titleKey === null) return;
    let ids = this.byKey.get(merged.titleKey);
    if (ids === undefined) {
      ids = new Set();
      this.byKey.set(merged.titleKey, ids);
    }
    ids.add(work.workId);
  }

  /** The works with this title key. */
  get(titleKey: string): WorkCandidate[] {
    const ids = this.byKey.get(titleKey);
    if (ids === undefined) return [];
    const out: WorkCandidate[] = [];
    for (const id of ids) {
      const w = this.byId.get(id);
      if (w !== undefined) out.push(w);
    }
    return out;
  }

  /** How many works are known. */
  get size(): number {
    return this.byId.size;
  }
}
