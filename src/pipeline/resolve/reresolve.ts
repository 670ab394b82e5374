/** The end-of-batch pass: works known only by metadata that now match a work with a DOI are merged into it. */
import type { Store, WorkId } from "../../core/store.js";
import { bestMatch } from "./match.js";

/**
 * Re-resolves every unresolved work of the store against the works with a DOI of the same title key
 * and merges each match. All decisions are taken first, from one snapshot, in work-id order, then
 * applied together in one transaction (Store.mergeAll); so the outcome does not depend on the order works were written. Returns the merges done.
 */
export async function reresolveUnresolved(store: Store): Promise<{ from: WorkId; into: WorkId; score: number }[]> {
  const unresolved = [...(await store.unresolvedWorks())].sort((a, b) => (a.workId < b.workId ? -1 : 1));
  const merges: { from: WorkId; into: WorkId; score: number }[] = [];
  for (const work of unresolved) {
    if (work.titleKey === null || work.doi !== null) continue;
    const match = bestMatch(work, await store.worksByTitleKey(work.titleKey));
    if (match !== null && match.work.workId !== work.workId) {
      merges.push({ from: work.workId, into: match.work.workId, score: match.score });
    }
  }
  // One transaction: a kill leaves the store unmerged or fully merged, so a rerun decides the same merges.
  await store.mergeAll(merges);
  return merges;
}
