/** The SQL function that evaluates a report's full-text query on a sentence (see text-score.ts). */
import type Database from "better-sqlite3";
import { type Scorer, scorer } from "./text-score.js";

/** Its name in SQL: `citelens_text_score(query, sentence)` is the score, or NULL when it does not match. */
export const TEXT_SCORE_FUNCTION = "citelens_text_score";

/** How many compiled queries are kept. */
const CACHE_SIZE = 64;

/** Registers the function on a connection. */
export function registerTextScore(db: Database.Database): void {
  const cache = new Map<string, Scorer | null>();
  db.function(TEXT_SCORE_FUNCTION, { deterministic: true }, (query: unknown, sentence: unknown) => {
    if (typeof query !== "string" || typeof sentence !== "string") return null;
    let score = cache.get(query);
    if (score === undefined) {
      score = scorer(query);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(query, score);
    }
    return score === null ? 0 : score(sentence);
  });
}
