/** An in-memory set of works with a DOI, found by title key: the works seen so far in a batch. */
import type { WorkCandidate, WorkInput } from "../../core/store.js";

/**
 * Works with a DOI by title key. Adding a work already known fills its missing fields and keeps the
 * known ones (or, for an ingested article's own work, overrides them), exactly as the store's upserts
 * do, so a candidate looks the same whether it comes from here or from the store.
 */
export class CandidateIndex {
  private readonly byId = new Map<string, WorkCandidate>();
  private readonly byKey = new Map<string, Set<string>>();

  /**
   * Adds (or fills) a work; works without a DOI or a title key are ignored. `ingested`: the work is an
   * ingested article's own, whose fields win over those known from references.
   */
  add(work: WorkInput | WorkCandidate, ingested = false): void {
    if (work.doi === null || work.titleKey === null) return;
    const found = this.byId.get(work.workId);
    const [known, other] = ingested && found !== undefined ? [work, found] : [found, work];
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
            doi: known.doi ?? other.doi,
            title: known.title ?? other.title,
            titleKey: known.titleKey ?? other.titleKey,
            authors: known.authors.length > 0 ? known.authors : other.authors,
            year: known.year ?? other.year,
            journal: known.journal ?? other.journal,
          };
    this.byId.set(work.workId, merged);
    if (found !== undefined && found.titleKey !== merged.titleKey && found.titleKey !== null) {
      this.byKey.get(found.titleKey)?.delete(work.workId);
    }
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
