/** The SQL function that evaluates a report's full-text query on a sentence (see text-score.ts). */
import type Database from "better-sqlite3";
import { type Scorer, scorer } from "./text-score.js";
import { TEXT_SCORE_FUNCTION } from "./text-score-name.js";

export { TEXT_SCORE_FUNCTION };

/** How many compiled queries are kept. */
const CACHE_SIZE = 64;
/** How many sentence scores of the latest query are kept. */
const SCORE_MEMO = 50_000;

/** Registers `citelens_text_score(query, sentence)` (the score, or NULL when it does not match) on a connection. */
export function registerTextScore(db: Database.Database): void {
  const cache = new Map<string, Scorer | null>();
  // A report evaluates the same query on the same sentences in each of its passes: remember the scores
  // of the latest query (bounded).
  let lastQuery = "";
  let scores = new Map<string, number | null>();
  db.function(TEXT_SCORE_FUNCTION, { deterministic: true }, (query: unknown, sentence: unknown) => {
    if (typeof query !== "string" || typeof sentence !== "string") return null;
    let score = cache.get(query);
    if (score === undefined) {
      score = scorer(query);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(query, score);
    }
    if (score === null) return 0;
    if (query !== lastQuery || scores.size > SCORE_MEMO) {
      lastQuery = query;
      scores = new Map();
    }
    let s = scores.get(sentence);
    if (s === undefined) {
      s = score(sentence);
      scores.set(sentence, s);
    }
    return s;
  });
}
