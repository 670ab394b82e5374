/**
 * Evaluation of metadata matching: hide the DOIs of a seeded random share of the references that have
 * one, resolve those by metadata against the works known from the other references, and count.
 */

import type { ReferenceEntry } from "../../core/document.js";
import { seededRandom } from "../../core/random.js";
import { CandidateIndex } from "./candidates.js";
import { bestMatch, MATCH_THRESHOLD } from "./match.js";
import { referenceMeta, workFromReference } from "./reference.js";

/** Options of {@link evaluateResolution}. */
export interface EvalOptions {
  /** Seed of the random choice of hidden references (default 42). */
  readonly seed?: number;
  /** Share of the references with a DOI whose DOI is hidden (default 0.2). */
  readonly hiddenShare?: number;
  /** The threshold whose figures are reported first (default {@link MATCH_THRESHOLD}). */
  readonly threshold?: number;
}

/** Precision, recall and F1 at one threshold. */
export interface EvalPoint {
  readonly threshold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  /** Over the hidden references whose work is known from another reference (the resolvable ones). */
  readonly recall: number;
  readonly f1: number;
  /** The same, counting as correct a DOI that differs from the hidden one only by a typo in either (see DESIGN.md). */
  readonly precisionLenient: number;
  readonly recallLenient: number;
  readonly f1Lenient: number;
}

/** The outcome of an evaluation. */
export interface EvalResult {
  readonly references: number;
  readonly withDoi: number;
  readonly hidden: number;
  /** Hidden references whose DOI is among the known works (only these can be found). */
  readonly resolvable: number;
  readonly knownWorks: number;
  readonly at: EvalPoint;
  readonly sweep: readonly EvalPoint[];
}

/** Runs the evaluation over the references of a corpus (in corpus order). */
export function evaluateResolution(refs: readonly ReferenceEntry[], options: EvalOptions = {}): EvalResult {
  const random = seededRandom(options.seed ?? 42);
  const share = options.hiddenShare ?? 0.2;
  const withDoi = refs.filter((r) => r.doi !== null);
  const hidden: ReferenceEntry[] = [];
  const known = new CandidateIndex();
  const knownDois = new Set<string>();
  for (const ref of withDoi) {
    if (random() < share) hidden.push(ref);
    else {
      known.add(workFromReference(ref, ref.doi));
      knownDois.add(ref.doi ?? "");
    }
  }
  const outcomes: { score: number; correct: boolean; lenient: boolean }[] = [];
  let resolvable = 0;
  for (const ref of hidden) {
    if (knownDois.has(ref.doi ?? "")) resolvable++;
    const meta = referenceMeta(ref);
    if (meta.titleKey === null) continue;
    const match = bestMatch(meta, known.get(meta.titleKey), 0);
    if (match === null) continue;
    const truth = ref.doi ?? "";
    const got = match.work.doi ?? "";
    outcomes.push({ score: match.score, correct: got === truth, lenient: got === truth || typoEquivalent(got, truth) });
  }
  const point = (threshold: number): EvalPoint => {
    const taken = outcomes.filter((o) => o.score >= threshold);
    const correct = taken.filter((o) => o.correct).length;
    const lenient = taken.filter((o) => o.lenient).length;
    const [precision, recall, f1] = prf(correct, taken.length, resolvable);
    const [precisionLenient, recallLenient, f1Lenient] = prf(lenient, taken.length, resolvable);
    return {
      threshold,
      predicted: taken.length,
      correct,
      precision,
      recall,
      f1,
      precisionLenient,
      recallLenient,
      f1Lenient,
    };
  };
  const thresholds = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];
  return {
    references: refs.length,
    withDoi: withDoi.length,
    hidden: hidden.length,
    resolvable,
    knownWorks: known.size,
    at: point(options.threshold ?? MATCH_THRESHOLD),
    sweep: thresholds.map(point),
  };
}

function prf(correct: number, predicted: number, relevant: number): [number, number, number] {
  const p = predicted === 0 ? 0 : correct / predicted;
  const r = relevant === 0 ? 0 : correct / relevant;
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)];
}

/**
 * True when two DOIs differ only by markup lost or mangled in the printed reference (`<...>` segments,
 * punctuation) or by a truncation: the gold DOI is then wrong, not the match.
 */
export function typoEquivalent(a: string, b: string): boolean {
  const squash = (d: string) =>
    d
      .replace(/&amp;/g, "&")
      .replace(/&lt;|&gt;/g, "")
      .replace(/<[^>]*>/g, "")
      .replace(/[^a-z0-9]/g, "");
  const x = squash(a);
  const y = squash(b);
  return x.length > 8 && y.length > 8 && (x === y || x.startsWith(y) || y.startsWith(x));
}
