/**
 * Evaluation: the model on a labeled eLife file (natural, enriched and all), grouped cross-validation of
 * its recipe on elife-stance-train, and intent on SciCite test.
 */
import { INTENTS, STANCES } from "../../core/statement.js";
import { applyIsotonic, fitIsotonic, fitTemperature, type IsotonicMap, type LogitTransform } from "./calibration.js";
import { LinearClassifier } from "./classifier.js";
import type { LabeledStatement } from "./data.js";
import { decide, tuneOffsets } from "./decision.js";
import { FeatureExtractor } from "./features.js";
import { groupedFolds } from "./folds.js";
import { calibrationError, type ReliabilityBin, type Scores, score } from "./metrics.js";
import type { ClassifierModel } from "./model.js";
import { calibratedProbabilities, fitCalibration, outOfFold, type TrainOptions, task, vectorize } from "./train.js";

/** Stance and intent figures on one set of statements. */
export interface SetReport {
  readonly name: string;
  readonly n: number;
  readonly stance: Scores;
  readonly ece: number;
  readonly reliability: readonly ReliabilityBin[];
  readonly intent: Scores | null;
  readonly intentEce: number | null;
}

/** Scores a model on labeled statements. */
export function evaluateSet(model: ClassifierModel, name: string, items: readonly LabeledStatement[]): SetReport {
  const clf = new LinearClassifier(model);
  const out = clf.classify(items.map((i) => i.input));
  const withStance = items.map((_, i) => i).filter((i) => items[i]?.stance !== null);
  const gold = withStance.map((i) => STANCES.indexOf(items[i]?.stance as never));
  const pred = withStance.map((i) => STANCES.indexOf(out[i]?.stance as never));
  const cal = calibrationError(
    withStance.map((i) => out[i]?.confidence as number),
    pred.map((p, j) => p === gold[j]),
  );
  const withIntent = items.map((_, i) => i).filter((i) => items[i]?.intent !== null);
  let intent: Scores | null = null;
  let intentEce: number | null = null;
  if (withIntent.length > 0) {
    const ig = withIntent.map((i) => INTENTS.indexOf(items[i]?.intent as never));
    const ip = withIntent.map((i) => INTENTS.indexOf(out[i]?.intent as never));
    intent = score(INTENTS, ig, ip);
    intentEce = calibrationError(
      withIntent.map((i) => out[i]?.intentConfidence as number),
      ip.map((p, j) => p === ig[j]),
    ).ece;
  }
  return {
    name,
    n: items.length,
    stance: score(STANCES, gold, pred),
    ece: cal.ece,
    reliability: cal.table,
    intent,
    intentEce,
  };
}

/** Cross-validation figures of a recipe on a stance training set. */
export interface CrossValidationReport {
  readonly folds: number;
  readonly n: number;
  readonly stance: Scores;
  readonly ece: number;
  /** The same, restricted to the natural sample (the real class balance). */
  readonly natural: Scores;
}

/**
 * Grouped k-fold cross-validation (folds by citing article) of the recipe's stance head. The
 * calibration and decision offsets applied to fold f are fitted on the out-of-fold scores of the
 * other folds only, so no label of fold f shapes its own prediction.
 */
export function crossValidate(train: readonly LabeledStatement[], options: TrainOptions): CrossValidationReport {
  const t = task(STANCES, train, (s) => s.stance);
  const extractor = new FeatureExtractor(options.features);
  const vectors = vectorize(extractor, t.items);
  const dim = 1 << options.features.bits;
  const oof = outOfFold(vectors, t.items, t.y, 3, dim, options.stance, options.folds, options.seed);
  return crossValidationFigures(t.items, t.y, oof, options);
}

/** How out-of-fold scores are turned into labels: the calibration kind and whether offsets are tuned. */
export interface DecisionRecipe {
  readonly folds: number;
  readonly seed: number;
  readonly calibrateOn: TrainOptions["calibrateOn"];
  readonly tuneDecision: boolean;
  /** `identity` skips calibration; `temperature` fits T only; default: T and class biases. */
  readonly calibration?: "identity" | "temperature" | "temperature+bias";
  /** Also map the chosen label's confidence through isotonic regression fitted on out-of-fold scores. */
  readonly isotonic?: boolean;
}

/** Cross-validation figures from out-of-fold logits (see {@link crossValidate}). */
export function crossValidationFigures(
  items: readonly LabeledStatement[],
  y: readonly number[],
  oof: readonly number[][],
  recipe: DecisionRecipe,
): CrossValidationReport {
  const fold = groupedFolds(
    items.map((i) => i.group),
    recipe.folds,
    recipe.seed,
  );
  const pred = new Array<number>(items.length).fill(0);
  const conf = new Array<number>(items.length).fill(0);
  const mentioning = STANCES.indexOf("mentioning");
  for (let f = 0; f < recipe.folds; f++) {
    const rest = items.map((_, i) => i).filter((i) => fold[i] !== f);
    const restOof = rest.map((i) => oof[i] as number[]);
    const restItems = rest.map((i) => items[i] as LabeledStatement);
    const restY = rest.map((i) => y[i] as number);
    const calibration = fitCalibrationKind(restOof, restItems, restY, recipe);
    const offsets = recipe.tuneDecision
      ? tuneOffsets(
          restOof.map((z) => calibratedProbabilities(z, calibration)),
          restY,
          mentioning,
        )
      : [0, 0, 0];
    const iso = recipe.isotonic
      ? topLabelIsotonic(
          restOof.map((z) => calibratedProbabilities(z, calibration)),
          restY,
          offsets,
          restItems.map((item) => recipe.calibrateOn === "all" || recipe.calibrateOn.includes(item.sample)),
        )
      : null;
    items.forEach((_, i) => {
      if (fold[i] !== f) return;
      const p = calibratedProbabilities(oof[i] as number[], calibration);
      const k = decide(p, offsets);
      pred[i] = k;
      conf[i] = iso ? applyIsotonic(iso, p[k] as number) : (p[k] as number);
    });
  }
  const natural = items.map((_, i) => i).filter((i) => items[i]?.sample === "natural");
  return {
    folds: recipe.folds,
    n: items.length,
    stance: score(STANCES, y, pred),
    ece: calibrationError(
      conf,
      pred.map((p, i) => p === y[i]),
    ).ece,
    natural: score(
      STANCES,
      natural.map((i) => y[i] as number),
      natural.map((i) => pred[i] as number),
    ),
  };
}

/**
 * Isotonic regression of "the chosen label is right" on the chosen label's probability, over the
 * statements marked `keep`: a monotone map from confidence to observed accuracy.
 */
export function topLabelIsotonic(
  probabilities: readonly number[][],
  gold: readonly number[],
  offsets: readonly number[],
  keep: readonly boolean[],
): IsotonicMap {
  const xs: number[] = [];
  const ys: number[] = [];
  probabilities.forEach((p, i) => {
    if (!keep[i]) return;
    const k = decide(p, offsets);
    xs.push(p[k] as number);
    ys.push(k === gold[i] ? 1 : 0);
  });
  return fitIsotonic(xs, ys);
}

/** Fits the calibration of the recipe's kind on out-of-fold logits. */
export function fitCalibrationKind(
  oof: readonly number[][],
  items: readonly LabeledStatement[],
  y: readonly number[],
  recipe: DecisionRecipe,
): LogitTransform {
  const K = oof[0]?.length ?? 3;
  if (recipe.calibration === "identity") return { scale: 1, bias: new Array<number>(K).fill(0) };
  if (recipe.calibration === "temperature") {
    const keep = items.map((item) => recipe.calibrateOn === "all" || recipe.calibrateOn.includes(item.sample));
    const t = fitTemperature(
      oof.filter((_, i) => keep[i]),
      y.filter((_, i) => keep[i]),
    );
    return { scale: 1 / t, bias: new Array<number>(K).fill(0) };
  }
  return fitCalibration(oof, items, y, recipe.calibrateOn);
}

/** The full evaluation report. */
export interface EvalReport {
  readonly model: string;
  readonly dev: readonly SetReport[];
  readonly crossValidation: CrossValidationReport | null;
  readonly scicite: SetReport | null;
}
