/** Picks the work a reference without a DOI most likely is, among candidates with a DOI. */
import type { WorkCandidate } from "../../core/store.js";
import { type MatchMeta, score } from "./score.js";

/**
 * The lowest score that links a reference to a candidate work. Chosen on the eLife corpus with hidden
 * DOIs (see DESIGN.md): the highest F1 with precision at least 0.99.
 */
export const MATCH_THRESHOLD = 0.85;

/**
 * When another candidate scores within this margin of the best, the match is ambiguous (an erratum and
 * its article, one paper under two DOIs) and the reference stays unresolved: precision before recall.
 */
export const AMBIGUITY_MARGIN = 0.05;

/** A chosen candidate and its score. */
export interface Match {
  readonly work: WorkCandidate;
  readonly score: number;
}

/**
 * The best candidate with a DOI scoring at least `threshold`, or null; also null when a second candidate
 * scores within {@link AMBIGUITY_MARGIN} of it. The choice never depends on the order candidates arrive in.
 */
export function bestMatch(
  ref: MatchMeta,
  candidates: Iterable<WorkCandidate>,
  threshold: number = MATCH_THRESHOLD,
): Match | null {
  let best: Match | null = null;
  let runnerUp = Number.NEGATIVE_INFINITY;
  for (const work of candidates) {
    if (work.doi === null) continue;
    const s = score(ref, work);
    if (best === null || s > best.score || (s === best.score && work.workId < best.work.workId)) {
      if (best !== null) runnerUp = Math.max(runnerUp, best.score);
      best = { work, score: s };
    } else runnerUp = Math.max(runnerUp, s);
  }
  if (best === null || best.score < threshold || runnerUp >= best.score - AMBIGUITY_MARGIN) return null;
  return best;
}
