/** Decision offsets: per-label additions to log-probabilities, tuned for macro-F1 on held-out scores. */
import { score } from "./metrics.js";

/** Picks the label with the largest `log p + offset`. */
export function decide(probabilities: readonly number[], offsets: readonly number[]): number {
  let best = -Infinity;
  let chosen = 0;
  probabilities.forEach((p, k) => {
    const d = Math.log(p) + (offsets[k] ?? 0);
    if (d > best) {
      best = d;
      chosen = k;
    }
  });
  return chosen;
}

/**
 * Coordinate search over offsets (label 0..K-1, `fixed` kept at 0) in [-2, 2] that maximizes macro-F1,
 * then shrunk halfway to zero so the rule does not chase the noise of a few rare examples.
 */
export function tuneOffsets(
  probabilities: readonly (readonly number[])[],
  gold: readonly number[],
  fixed: number,
  shrink = 0.5,
): number[] {
  const K = probabilities[0]?.length ?? 0;
  const labels = Array.from({ length: K }, (_, k) => String(k));
  const offsets = new Array<number>(K).fill(0);
  const f1 = () =>
    score(
      labels,
      gold,
      probabilities.map((p) => decide(p, offsets)),
    ).macroF1;
  let best = f1();
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < K; k++) {
      if (k === fixed) continue;
      let bestValue = offsets[k] as number;
      for (let v = -2; v <= 2.0001; v += 0.1) {
        offsets[k] = Math.round(v * 10) / 10;
        const m = f1();
        if (m > best + 1e-9) {
          best = m;
          bestValue = offsets[k] as number;
        }
      }
      offsets[k] = bestValue;
    }
  }
  return offsets.map((o) => Math.round(o * shrink * 100) / 100);
}
