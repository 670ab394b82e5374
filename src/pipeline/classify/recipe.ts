/**
 * The recipe of the committed default model: which data, which features, which settings. `citelens
 * train` runs it; the comparison of approaches (approaches.ts) varies it.
 */
import { join } from "node:path";
import { INTENTS, STANCES } from "../../core/statement.js";
import { type DataProblem, type LabeledStatement, readElifeStance, readSciCite } from "./data.js";
import type { ClassifierModel } from "./model.js";
import { type TrainOptions, task, trainModel } from "./train.js";

/** The settings of the default model. */
export const DEFAULT_OPTIONS: TrainOptions = {
  name: "lr-evidence-5",
  features: { bits: 15, bigrams: true, position: true, context: true, evidence: true },
  stance: { epochs: 2, learningRate: 0.02, l2: 1e-5, classWeightPower: 0.5, bag: 5 },
  intent: { epochs: 4, learningRate: 0.05, l2: 1e-5, classWeightPower: 0.5, bag: 5 },
  seed: 20240601,
  folds: 5,
  calibrateOn: ["natural", "enriched"],
  tuneDecision: true,
};

/** The training data of the default model, read from the shared data folder. */
export interface TrainingData {
  readonly elifeTrain: LabeledStatement[];
  readonly sciciteDev: LabeledStatement[];
  readonly problems: DataProblem[];
}

/** Reads elife-stance-train and SciCite dev from the shared data folder. */
export function readTrainingData(dataDir: string): TrainingData {
  const problems: DataProblem[] = [];
  return {
    elifeTrain: readElifeStance(join(dataDir, "elife-stance-train", "train.jsonl"), problems),
    sciciteDev: readSciCite(join(dataDir, "scicite-devtest", "dev.jsonl"), problems),
    problems,
  };
}

/** Trains a model with the given options: stance on eLife train, intent on eLife train plus SciCite dev. */
export function trainFromData(
  data: TrainingData,
  options: TrainOptions = DEFAULT_OPTIONS,
): Omit<ClassifierModel, "version"> & { name: string } {
  const stance = task(STANCES, data.elifeTrain, (s) => s.stance);
  const intent = task(INTENTS, [...data.elifeTrain, ...data.sciciteDev], (s) => s.intent);
  return trainModel(stance, intent, options, {
    stance: `elife-stance-train (${stance.items.length} statements, CC BY/CC0 text, CC0 labels); calibrated on out-of-fold scores of its ${Array.isArray(options.calibrateOn) ? options.calibrateOn.join("+") : "all"} samples`,
    intent: `elife-stance-train intents + SciCite dev (${intent.items.length} statements)`,
    multicite: "not used (CC BY-NC)",
    recipe: JSON.stringify({ ...options, name: undefined }),
  });
}
