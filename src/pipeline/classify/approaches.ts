/**
 * The comparison of approaches behind the default model (docs/classifier.md): each approach is
 * trained on elife-stance-train, cross-validated by citing article, and scored on the dev file(s)
 * and, for intent, on SciCite test. `citelens eval --approaches` prints the table.
 */
import { INTENTS, STANCES } from "../../core/statement.js";
import { applyIsotonic } from "./calibration.js";
import type { LabeledStatement } from "./data.js";
import { decide, tuneOffsets } from "./decision.js";
import { crossValidationFigures, type DecisionRecipe, fitCalibrationKind, topLabelIsotonic } from "./evaluate.js";
import { type FeatureConfig, FeatureExtractor } from "./features.js";
import { groupedFolds } from "./folds.js";
import { calibrationError, score } from "./metrics.js";
import { mlpScores, trainMlp } from "./mlp.js";
import { DEFAULT_OPTIONS } from "./recipe.js";
import { linearScores, type SparseVector } from "./softmax.js";
import { calibratedProbabilities, type HeadOptions, task, trainHead, vectorize } from "./train.js";

/** One approach: features, learner, calibration and decision rule. */
export interface Approach {
  readonly name: string;
  readonly description: string;
  readonly features: FeatureConfig;
  readonly learner: "softmax" | "wide-and-deep";
  readonly recipe: DecisionRecipe;
  /** Changes to the default stance head settings (e.g. `bag: 1` for a single run). */
  readonly stance?: Partial<HeadOptions>;
  /** Extra stance training data added to every training fold, with its example weight (never scored). */
  readonly extra?: { readonly data: "multicite"; readonly weight: number };
}

const F = DEFAULT_OPTIONS.features;
const base: DecisionRecipe = {
  folds: DEFAULT_OPTIONS.folds,
  seed: DEFAULT_OPTIONS.seed,
  calibrateOn: DEFAULT_OPTIONS.calibrateOn,
  tuneDecision: false,
  calibration: "identity",
};

/** The approaches compared, in order of complexity; the last softmax one is the default model. */
export const APPROACHES: readonly Approach[] = [
  {
    name: "bow",
    description: "words of the citing sentence only, softmax regression, argmax",
    features: { ...F, bigrams: false, position: false, context: false, evidence: false },
    learner: "softmax",
    recipe: base,
  },
  {
    name: "ngram-context",
    description: "+ word pairs, side of the target, neighbouring sentences",
    features: { ...F, evidence: false },
    learner: "softmax",
    recipe: base,
  },
  {
    name: "evidence",
    description: "+ evidence features (section, first person, own results, cues, negation, distance to target)",
    features: F,
    learner: "softmax",
    recipe: base,
  },
  {
    name: "evidence+T",
    description: "+ temperature scaling on out-of-fold scores",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature" },
  },
  {
    name: "evidence+T+bias",
    description: "+ class biases (prior shift to the natural/enriched mix)",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature+bias" },
  },
  {
    name: "evidence+T+bias+offsets",
    description:
      "+ decision offsets tuned for macro-F1 on out-of-fold scores (the default model; like every softmax row, the average of 5 runs with different shuffling seeds)",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature+bias", tuneDecision: true },
  },
  {
    name: "default, single run",
    description: "the default model without bagging: one softmax run instead of the average of five",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature+bias", tuneDecision: true },
    stance: { bag: 1 },
  },
  {
    name: "evidence+T+bias+offsets+isotonic",
    description:
      "the default, with the chosen label's confidence mapped by isotonic regression fitted on out-of-fold scores",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature+bias", tuneDecision: true, isotonic: true },
  },
  {
    name: "wide-and-deep+T+bias+offsets",
    description: "the same, with a hidden layer of 32 ReLU units beside the linear part",
    features: F,
    learner: "wide-and-deep",
    recipe: { ...base, calibration: "temperature+bias", tuneDecision: true },
  },
  {
    name: "evidence+multicite",
    description:
      "the default recipe with MultiCite (CC BY-NC; differences -> contrasting, similarities -> supporting) added to every training fold at weight 0.5",
    features: F,
    learner: "softmax",
    recipe: { ...base, calibration: "temperature+bias", tuneDecision: true },
    extra: { data: "multicite", weight: 0.5 },
  },
];

/** The figures of one approach. */
export interface ApproachRow {
  readonly name: string;
  readonly description: string;
  readonly dev: readonly { name: string; macroF1: number; f1: readonly number[]; ece: number }[];
  readonly cvMacroF1: number;
  readonly cvF1: readonly number[];
  readonly cvEce: number;
  readonly sciciteIntentMacroF1: number | null;
  readonly seconds: number;
}

type Scorer = (v: SparseVector) => number[];

function trainer(
  a: Approach,
  o: HeadOptions,
): (vs: SparseVector[], items: LabeledStatement[], y: number[], seed: number) => Scorer {
  const dim = 1 << a.features.bits;
  return (vs, items, y, seed) => {
    if (a.learner === "softmax") {
      const m = trainHead(vs, items, y, 3, dim, o, seed);
      const z = new Float64Array(3);
      return (v) => {
        linearScores(m, v.indices, v.values, v.indices.length, z);
        return [...z];
      };
    }
    const counts = [0, 0, 0];
    for (const k of y) counts[k] = (counts[k] as number) + 1;
    const cw = counts.map((c) => (y.length / (3 * Math.max(c, 1))) ** o.classWeightPower);
    const m = trainMlp(
      vs,
      y,
      y.map((k) => cw[k] as number),
      { classes: 3, dim, hidden: 32, epochs: 3, learningRate: o.learningRate, l2: o.l2, seed },
    );
    const z = new Float64Array(3);
    const act = new Float64Array(32);
    return (v) => {
      mlpScores(m, v.indices, v.values, v.indices.length, z, act);
      return [...z];
    };
  };
}

/** Trains, cross-validates and scores one approach. */
export function runApproach(
  a: Approach,
  train: readonly LabeledStatement[],
  devSets: readonly { name: string; items: readonly LabeledStatement[] }[],
  intentTrain: readonly LabeledStatement[],
  sciciteTest: readonly LabeledStatement[],
  extra: readonly LabeledStatement[] = [],
): ApproachRow {
  const started = Date.now();
  const t = task(STANCES, train, (s) => s.stance);
  const ex = new FeatureExtractor(a.features);
  const vs = vectorize(ex, t.items);
  const et = task(STANCES, a.extra ? extra : [], (s) => s.stance);
  const ev = vectorize(ex, et.items);
  const inner = trainer(a, {
    ...DEFAULT_OPTIONS.stance,
    ...(a.stance ?? {}),
    ...(a.extra ? { sampleWeights: { [a.extra.data]: a.extra.weight } } : {}),
  });
  const fit = (vs2: SparseVector[], items: LabeledStatement[], y: number[], seed: number) =>
    inner([...vs2, ...ev], [...items, ...et.items], [...y, ...et.y], seed);
  const fold = groupedFolds(
    t.items.map((i) => i.group),
    a.recipe.folds,
    a.recipe.seed,
  );
  const oof: number[][] = t.items.map(() => []);
  for (let f = 0; f < a.recipe.folds; f++) {
    const idx = t.items.map((_, i) => i).filter((i) => fold[i] !== f);
    const scorer = fit(
      idx.map((i) => vs[i] as SparseVector),
      idx.map((i) => t.items[i] as LabeledStatement),
      idx.map((i) => t.y[i] as number),
      a.recipe.seed + f + 1,
    );
    t.items.forEach((_, i) => {
      if (fold[i] === f) oof[i] = scorer(vs[i] as SparseVector);
    });
  }
  const cv = crossValidationFigures(t.items, t.y, oof, a.recipe);
  const calibration = fitCalibrationKind(oof, t.items, t.y, a.recipe);
  const offsets = a.recipe.tuneDecision
    ? tuneOffsets(
        oof.map((z) => calibratedProbabilities(z, calibration)),
        t.y,
        STANCES.indexOf("mentioning"),
      )
    : [0, 0, 0];
  const iso = a.recipe.isotonic
    ? topLabelIsotonic(
        oof.map((z) => calibratedProbabilities(z, calibration)),
        t.y,
        offsets,
        t.items.map((item) => a.recipe.calibrateOn === "all" || a.recipe.calibrateOn.includes(item.sample)),
      )
    : null;
  const scorer = fit(vs, [...t.items], [...t.y], a.recipe.seed);
  const dev = devSets.map((d) => {
    const gold = d.items.map((s) => STANCES.indexOf(s.stance as never));
    const probs = d.items.map((s) => {
      const f = ex.extract(s.input);
      return calibratedProbabilities(
        scorer({ indices: f.indices.slice(0, f.size), values: f.values.slice(0, f.size) }),
        calibration,
      );
    });
    const pred = probs.map((p) => decide(p, offsets));
    const sc = score(STANCES, gold, pred);
    return {
      name: d.name,
      macroF1: sc.macroF1,
      f1: sc.perClass.map((c) => c.f1),
      ece: calibrationError(
        probs.map((p, i) => {
          const c = p[pred[i] as number] as number;
          return iso ? applyIsotonic(iso, c) : c;
        }),
        pred.map((p, i) => p === gold[i]),
      ).ece,
    };
  });
  let sciciteIntentMacroF1: number | null = null;
  if (sciciteTest.length > 0) {
    const it = task(INTENTS, intentTrain, (s) => s.intent);
    const im = trainHead(
      vectorize(ex, it.items),
      it.items,
      it.y,
      3,
      1 << a.features.bits,
      DEFAULT_OPTIONS.intent,
      a.recipe.seed,
    );
    const z = new Float64Array(3);
    const pred = sciciteTest.map((s) => {
      const f = ex.extract(s.input);
      linearScores(im, f.indices, f.values, f.size, z);
      return z.indexOf(Math.max(...z));
    });
    sciciteIntentMacroF1 = score(
      INTENTS,
      sciciteTest.map((s) => INTENTS.indexOf(s.intent as never)),
      pred,
    ).macroF1;
  }
  return {
    name: a.name,
    description: a.description,
    dev,
    cvMacroF1: cv.stance.macroF1,
    cvF1: cv.stance.perClass.map((c) => c.f1),
    cvEce: cv.ece,
    sciciteIntentMacroF1,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Renders the comparison as a Markdown table (F1 per class in the order supporting/mentioning/contrasting). */
export function renderApproaches(rows: readonly ApproachRow[]): string {
  const f = (x: number) => x.toFixed(3);
  const devNames = rows[0]?.dev.map((d) => d.name) ?? [];
  const head = [
    "approach",
    ...devNames.flatMap((n) => [`${n} macro-F1`, `${n} F1 s/m/c`, `${n} ECE`]),
    "CV macro-F1",
    "CV F1 s/m/c",
    "CV ECE",
    "SciCite intent macro-F1",
    "s",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const cells = [
      r.name,
      ...r.dev.flatMap((d) => [f(d.macroF1), d.f1.map((x) => x.toFixed(2)).join("/"), f(d.ece)]),
      f(r.cvMacroF1),
      r.cvF1.map((x) => x.toFixed(2)).join("/"),
      f(r.cvEce),
      r.sciciteIntentMacroF1 === null ? "" : f(r.sciciteIntentMacroF1),
      r.seconds.toFixed(0),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("", ...rows.map((r) => `- **${r.name}**: ${r.description}`));
  return lines.join("\n");
}
