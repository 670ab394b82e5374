/** Classification metrics: confusion matrix, per-class precision/recall/F1, macro-F1, ECE, reliability. */

/** Per-class figures. */
export interface ClassFigures {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** The figures of one evaluation. */
export interface Scores {
  readonly labels: readonly string[];
  /** `confusion[gold][predicted]`. */
  readonly confusion: readonly (readonly number[])[];
  readonly perClass: readonly ClassFigures[];
  readonly macroF1: number;
  readonly accuracy: number;
  readonly n: number;
}

/** Confusion matrix and per-class figures for gold and predicted class indices. */
export function score(labels: readonly string[], gold: readonly number[], predicted: readonly number[]): Scores {
  const K = labels.length;
  const confusion = labels.map(() => new Array<number>(K).fill(0));
  gold.forEach((g, i) => {
    const row = confusion[g] as number[];
    const p = predicted[i] as number;
    row[p] = (row[p] as number) + 1;
  });
  const perClass = labels.map((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] as number), 0);
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length);
  const correct = labels.reduce((a, _, k) => a + (confusion[k]?.[k] ?? 0), 0);
  return { labels, confusion, perClass, macroF1, accuracy: gold.length ? correct / gold.length : 0, n: gold.length };
}

/** One bin of a reliability table. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Mean confidence in the bin. */
  readonly confidence: number;
  /** Share correct in the bin. */
  readonly accuracy: number;
}

/** Expected calibration error (equal-width bins over the confidence of the chosen label) and its table. */
export function calibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): { ece: number; table: ReliabilityBin[] } {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    count[b] = (count[b] as number) + 1;
    conf[b] = (conf[b] as number) + c;
    if (correct[i]) hits[b] = (hits[b] as number) + 1;
  });
  const n = confidences.length;
  let ece = 0;
  const table: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const m = count[b] as number;
    if (m === 0) continue;
    const mc = (conf[b] as number) / m;
    const acc = (hits[b] as number) / m;
    ece += (m / n) * Math.abs(mc - acc);
    table.push({ from: b / bins, to: (b + 1) / bins, count: m, confidence: mc, accuracy: acc });
  }
  return { ece, table };
}
