/**
 * Training: features for every statement, a softmax head per task, grouped cross-validation for
 * out-of-fold scores, and calibration fitted on those scores.
 */
import { fitScaleAndBias, type LogitTransform } from "./calibration.js";
import type { LabeledStatement } from "./data.js";
import { tuneOffsets } from "./decision.js";
import { type FeatureConfig, FeatureExtractor } from "./features.js";
import { groupedFolds } from "./folds.js";
import type { ClassifierModel, Head } from "./model.js";
import { type LinearModel, linearScores, type SparseVector, trainSoftmax } from "./softmax.js";

/** Settings of one head. */
export interface HeadOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** Class weight = (N / (K * n_k)) ^ power: 0 gives none, 1 full balancing. */
  readonly classWeightPower: number;
  /** Weight of each sampling stratum (`natural`, `enriched`, `scicite`, ...); 1 when absent. */
  readonly sampleWeights?: Readonly<Record<string, number>>;
  /** Average this many models trained with different shuffling seeds (1 when absent). */
  readonly bag?: number;
}

/** Which out-of-fold statements the calibration is fitted on (the strata that look like real data). */
export type CalibrationStrata = readonly string[] | "all";

/** Everything a training run needs. */
export interface TrainOptions {
  readonly name: string;
  readonly features: FeatureConfig;
  readonly stance: HeadOptions;
  readonly intent: HeadOptions;
  readonly seed: number;
  readonly folds: number;
  readonly calibrateOn: CalibrationStrata;
  /** Tune decision offsets for macro-F1 on out-of-fold scores (else plain argmax). */
  readonly tuneDecision: boolean;
}

/** Feature vectors of statements (copied out of the extractor's buffers). */
export function vectorize(extractor: FeatureExtractor, items: readonly LabeledStatement[]): SparseVector[] {
  return items.map((item) => {
    const f = extractor.extract(item.input);
    return { indices: f.indices.slice(0, f.size), values: f.values.slice(0, f.size) };
  });
}

function exampleWeights(items: readonly LabeledStatement[], labels: readonly number[], K: number, o: HeadOptions) {
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y] = (counts[y] as number) + 1;
  const n = labels.length;
  const classWeight = counts.map((c) => (c === 0 ? 1 : (n / (K * c)) ** o.classWeightPower));
  return items.map((item, i) => (classWeight[labels[i] as number] as number) * (o.sampleWeights?.[item.sample] ?? 1));
}

/** Trains one linear head. */
export function trainHead(
  vectors: readonly SparseVector[],
  items: readonly LabeledStatement[],
  labels: readonly number[],
  K: number,
  dim: number,
  o: HeadOptions,
  seed: number,
): LinearModel {
  const weights = exampleWeights(items, labels, K, o);
  const one = (s: number) =>
    trainSoftmax(vectors, labels, weights, {
      classes: K,
      dim,
      epochs: o.epochs,
      learningRate: o.learningRate,
      l2: o.l2,
      seed: s,
    });
  const bag = Math.max(1, o.bag ?? 1);
  const first = one(seed);
  if (bag === 1) return first;
  // Averaging linear models is itself a linear model: no cost at inference.
  for (let b = 1; b < bag; b++) {
    const m = one(seed + 7919 * b);
    for (let i = 0; i < first.weights.length; i++)
      first.weights[i] = (first.weights[i] as number) + (m.weights[i] as number);
    for (let k = 0; k < K; k++) first.bias[k] = (first.bias[k] as number) + (m.bias[k] as number);
  }
  for (let i = 0; i < first.weights.length; i++) first.weights[i] = (first.weights[i] as number) / bag;
  for (let k = 0; k < K; k++) first.bias[k] = (first.bias[k] as number) / bag;
  return first;
}

/** Out-of-fold logits from grouped k-fold cross-validation (folds by `group`, the citing article). */
export function outOfFold(
  vectors: readonly SparseVector[],
  items: readonly LabeledStatement[],
  labels: readonly number[],
  K: number,
  dim: number,
  o: HeadOptions,
  folds: number,
  seed: number,
): number[][] {
  const fold = groupedFolds(
    items.map((i) => i.group),
    folds,
    seed,
  );
  const out: number[][] = items.map(() => []);
  const z = new Float64Array(K);
  for (let f = 0; f < folds; f++) {
    const trainIdx = items.map((_, i) => i).filter((i) => fold[i] !== f);
    const model = trainHead(
      trainIdx.map((i) => vectors[i] as SparseVector),
      trainIdx.map((i) => items[i] as LabeledStatement),
      trainIdx.map((i) => labels[i] as number),
      K,
      dim,
      o,
      seed + f + 1,
    );
    items.forEach((_, i) => {
      if (fold[i] !== f) return;
      const v = vectors[i] as SparseVector;
      linearScores(model, v.indices, v.values, v.indices.length, z);
      out[i] = [...z];
    });
  }
  return out;
}

/** Fits the calibration transform on out-of-fold logits of the chosen strata. */
export function fitCalibration(
  oof: readonly number[][],
  items: readonly LabeledStatement[],
  labels: readonly number[],
  strata: CalibrationStrata,
): LogitTransform {
  const keep = items.map((item) => strata === "all" || strata.includes(item.sample));
  return fitScaleAndBias(
    oof.filter((_, i) => keep[i]),
    labels.filter((_, i) => keep[i]),
  );
}

/** `softmax(z * scale + bias)` as a plain array. */
export function calibratedProbabilities(z: readonly number[], t: LogitTransform): number[] {
  const s = z.map((v, k) => v * t.scale + (t.bias[k] ?? 0));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** One labeled task ready for training. */
export interface Task {
  readonly labels: readonly string[];
  readonly items: readonly LabeledStatement[];
  readonly y: readonly number[];
}

/** Builds a task from the items that carry its label. */
export function task(
  labels: readonly string[],
  items: readonly LabeledStatement[],
  label: (s: LabeledStatement) => string | null,
): Task {
  const kept = items.filter((s) => label(s) !== null);
  return { labels, items: kept, y: kept.map((s) => labels.indexOf(label(s) as string)) };
}

function trainCalibratedHead(t: Task, extractor: FeatureExtractor, o: HeadOptions, options: TrainOptions): Head {
  const dim = 1 << options.features.bits;
  const K = t.labels.length;
  const vectors = vectorize(extractor, t.items);
  const oof = outOfFold(vectors, t.items, t.y, K, dim, o, options.folds, options.seed);
  const calibration = fitCalibration(oof, t.items, t.y, options.calibrateOn);
  const decision = options.tuneDecision
    ? tuneOffsets(
        oof.map((z) => calibratedProbabilities(z, calibration)),
        t.y,
        Math.max(0, t.labels.indexOf("mentioning")),
      )
    : new Array<number>(K).fill(0);
  const linear = trainHead(vectors, t.items, t.y, K, dim, o, options.seed);
  return { labels: t.labels, linear, calibration, decision };
}

/** Trains the full model: both heads, each calibrated on its own out-of-fold scores. */
export function trainModel(
  stance: Task,
  intent: Task,
  options: TrainOptions,
  provenance: Readonly<Record<string, string>>,
): Omit<ClassifierModel, "version"> & { name: string } {
  const extractor = new FeatureExtractor(options.features);
  return {
    name: options.name,
    features: options.features,
    stance: trainCalibratedHead(stance, extractor, options.stance, options),
    intent: trainCalibratedHead(intent, extractor, options.intent, options),
    provenance,
  };
}
