/** Picks the work a reference without a DOI most likely is, among candidates with a DOI. */
import type { WorkCandidate } from "../../core/store.js";
import { type MatchMeta, score } from "./score.js";

/**
 * The lowest score that links a reference to a candidate work. Chosen on the eLife corpus with hidden
 * DOIs (see DESIGN.md): the highest F1 with precision at least 0.99.
 */
export const MATCH_THRESHOLD = 0.85;

/** A chosen candidate and its score. */
export interface Match {
  readonly work: WorkCandidate;
  readonly score: number;
}

/**
 * The best candidate with a DOI scoring at least `threshold`, or null. Ties go to the smaller work id,
 * so the choice never depends on the order candidates arrive in.
 */
export function bestMatch(
  ref: MatchMeta,
  candidates: Iterable<WorkCandidate>,
  threshold: number = MATCH_THRESHOLD,
): Match | null {
  let best: Match | null = null;
  for (const work of candidates) {
    if (work.doi === null) continue;
    const s = score(ref, work);
    if (s < threshold) continue;
    if (best === null || s > best.score || (s === best.score && work.workId < best.work.workId)) {
      best = { work, score: s };
    }
  }
  return best;
}
