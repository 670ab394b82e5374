/** Links each reference of an article to a work: by DOI, else by metadata, else a stable key id. */
import type { ReferenceEntry } from "../../core/document.js";
import type { ResolutionMethod, WorkCandidate, WorkInput } from "../../core/store.js";
import { CandidateIndex } from "./candidates.js";
import { bestMatch } from "./match.js";
import { type PreparedReference, prepareReference } from "./reference.js";

/** How one reference was linked. */
export interface Resolution {
  /** The work to upsert for the reference (its id is the link). */
  readonly cited: WorkInput;
  readonly method: ResolutionMethod;
  /** 1 for a DOI, the match score for metadata, 0 when unresolved. */
  readonly score: number;
}

/** Works with a given title key, from somewhere other than this batch (the store). */
export type CandidateLookup = (titleKey: string) => Promise<readonly WorkCandidate[]>;

/**
 * Resolves references against a store and the works seen earlier in the batch. Feed it articles in
 * input order (`remember` after each) and its answers do not depend on how the batch was split.
 */
export class Resolver {
  private readonly seen = new CandidateIndex();

  constructor(private readonly lookup: CandidateLookup = async () => []) {}

  /** Resolves one reference. */
  async resolve(ref: ReferenceEntry): Promise<Resolution> {
    return this.resolvePrepared(prepareReference(ref));
  }

  /** Resolves a reference prepared ahead by {@link prepareReference}. */
  async resolvePrepared(ref: PreparedReference): Promise<Resolution> {
    if (ref.kind === "doi") return { cited: ref.cited, method: "doi", score: 1 };
    const meta = ref.meta;
    if (meta?.titleKey != null) {
      const candidates = new Map<string, WorkCandidate>();
      for (const c of await this.lookup(meta.titleKey)) candidates.set(c.workId, c);
      // Works of this batch not yet written are only here; once written, the store has the same fields.
      for (const c of this.seen.get(meta.titleKey)) if (!candidates.has(c.workId)) candidates.set(c.workId, c);
      const match = bestMatch(meta, candidates.values());
      if (match !== null) {
        return {
          cited: { ...ref.own, workId: match.work.workId, doi: match.work.doi },
          method: "metadata",
          score: match.score,
        };
      }
    }
    return { cited: ref.own, method: "unresolved", score: 0 };
  }

  /** Resolves every reference of an article, in list order. */
  async resolveAll(refs: readonly ReferenceEntry[]): Promise<Resolution[]> {
    const out: Resolution[] = [];
    for (const ref of refs) out.push(await this.resolve(ref));
    return out;
  }

  /**
   * Remembers works written (or about to be) so later articles of the batch can match them, in the
   * order the store upserts them: the ingested article's own work first, then its cited works.
   */
  remember(works: Iterable<WorkInput>, ingested: WorkInput | null = null): void {
    if (ingested !== null) this.seen.add(ingested, true);
    for (const w of works) this.seen.add(w);
  }
}
