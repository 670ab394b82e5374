/** Grouped k-fold splits: all statements of one citing article fall in the same fold. */
import { seededRandom, shuffle } from "../../core/random.js";

/** Assigns each item a fold `0..k-1` by its group, groups shuffled with the seed and dealt round-robin. */
export function groupedFolds(groups: readonly string[], k: number, seed: number): number[] {
  const unique = [...new Set(groups)].sort();
  shuffle(unique, seededRandom(seed));
  const foldOf = new Map<string, number>();
  unique.forEach((g, i) => foldOf.set(g, i % k));
  return groups.map((g) => foldOf.get(g) as number);
}
