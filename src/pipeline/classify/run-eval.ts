/** Builds the full evaluation report from files: the command `citelens eval` is a thin shell over this. */
import { join } from "node:path";
import { APPROACHES, type ApproachRow, runApproach } from "./approaches.js";
import { type DataProblem, type LabeledStatement, readElifeStance, readMultiCite, readSciCite } from "./data.js";
import { crossValidate, type EvalReport, evaluateSet, type SetReport } from "./evaluate.js";
import type { ClassifierModel } from "./model.js";
import { DEFAULT_OPTIONS } from "./recipe.js";
import type { TrainOptions } from "./train.js";

/** What to evaluate. */
export interface EvalRequest {
  readonly model: ClassifierModel;
  /** Labeled eLife-format file(s) scored as dev sets. */
  readonly devFiles: readonly string[];
  /** The shared data folder (for cross-validation and SciCite), or null to skip those parts. */
  readonly dataDir: string | null;
  readonly crossValidation: boolean;
  readonly problems: DataProblem[];
}

/** The recipe a model was trained with (its header), else the default recipe. */
export function recipeOf(model: ClassifierModel): TrainOptions {
  const text = model.provenance.recipe;
  if (text === undefined) return DEFAULT_OPTIONS;
  try {
    return { ...DEFAULT_OPTIONS, ...(JSON.parse(text) as Partial<TrainOptions>), name: model.version };
  } catch {
    return DEFAULT_OPTIONS;
  }
}

/** Scores a file by sample (each `sample` value, e.g. natural and enriched) and all together. */
export function devReports(model: ClassifierModel, file: string, items: readonly LabeledStatement[]): SetReport[] {
  const samples = [...new Set(items.map((i) => i.sample))].sort();
  const out: SetReport[] = [];
  if (samples.length > 1) {
    for (const s of samples) {
      out.push(
        evaluateSet(
          model,
          `${file}: ${s}`,
          items.filter((i) => i.sample === s),
        ),
      );
    }
  }
  out.push(evaluateSet(model, `${file}: all`, items));
  return out;
}

/** Runs the evaluation. */
export function runEvaluation(req: EvalRequest): EvalReport {
  const dev = req.devFiles.flatMap((f) => devReports(req.model, f, readElifeStance(f, req.problems)));
  let crossValidation = null;
  let scicite = null;
  if (req.dataDir !== null) {
    if (req.crossValidation) {
      const train = readElifeStance(join(req.dataDir, "elife-stance-train", "train.jsonl"), req.problems);
      crossValidation = crossValidate(train, recipeOf(req.model));
    }
    const test = readSciCite(join(req.dataDir, "scicite-devtest", "test.jsonl"), req.problems);
    scicite = evaluateSet(req.model, "SciCite test", test);
  }
  return { model: req.model.version, dev, crossValidation, scicite };
}

/** Runs the comparison of approaches (all, or those named) on the shared data and the dev files. */
export function runComparison(
  dataDir: string,
  devFiles: readonly string[],
  names: readonly string[],
  problems: DataProblem[],
  onRow: (row: ApproachRow) => void = () => {},
): ApproachRow[] {
  const train = readElifeStance(join(dataDir, "elife-stance-train", "train.jsonl"), problems);
  const sciDev = readSciCite(join(dataDir, "scicite-devtest", "dev.jsonl"), problems);
  const sciTest = readSciCite(join(dataDir, "scicite-devtest", "test.jsonl"), problems);
  const devSets = devFiles.flatMap((f) => {
    const items = readElifeStance(f, problems);
    const samples = [...new Set(items.map((i) => i.sample))].sort();
    const sets =
      samples.length > 1 ? samples.map((s) => ({ name: s, items: items.filter((i) => i.sample === s) })) : [];
    return [...sets, { name: devFiles.length > 1 ? f : "dev", items }];
  });
  const chosen = names.length === 0 ? APPROACHES : APPROACHES.filter((a) => names.includes(a.name));
  return chosen.map((a) => {
    const extra =
      a.extra?.data === "multicite"
        ? ["train", "dev", "test"].flatMap((split) =>
            readMultiCite(join(dataDir, "multicite", "classification_gold_context", `${split}.json`), problems),
          )
        : [];
    const row = runApproach(a, train, devSets, [...train, ...sciDev], sciTest, extra);
    onRow(row);
    return row;
  });
}
