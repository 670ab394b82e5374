/** `citelens train`: trains the classifier from ../shared/data and writes the model file. */
import type { Command } from "commander";
import { sharedDataDir } from "../../paths.js";
import { DEFAULT_MODEL_PATH } from "../../pipeline/classify/index.js";
import { writeModel } from "../../pipeline/classify/model-file.js";
import { readTrainingData, trainFromData } from "../../pipeline/classify/recipe.js";
import { UsageError } from "../exit.js";

interface Options {
  readonly data?: string;
  readonly out?: string;
}

/** Registers `citelens train`. */
export function register(program: Command): void {
  program
    .command("train")
    .description(
      "Train the stance and intent classifier (seeded: the same data gives the same file byte for byte) " +
        "on elife-stance-train and SciCite dev, and write the model file.",
    )
    .option("--data <dir>", "the shared data folder (default: ../shared/data or $CITELENS_SHARED_DATA)")
    .option("--out <file>", "where to write the model", DEFAULT_MODEL_PATH)
    .action((opts: Options) => {
      const dir = opts.data ?? sharedDataDir();
      if (dir === null) throw new UsageError("no shared data folder found: pass --data <dir>");
      const started = Date.now();
      let data: ReturnType<typeof readTrainingData>;
      try {
        data = readTrainingData(dir);
      } catch (error) {
        throw new UsageError(`cannot read the training data in ${dir}: ${(error as Error).message}`);
      }
      for (const p of data.problems) process.stderr.write(`citelens train: ${p.file}:${p.line}: ${p.reason}\n`);
      const model = trainFromData(data);
      const out = opts.out ?? DEFAULT_MODEL_PATH;
      const version = writeModel(out, model);
      process.stdout.write(
        `wrote ${out} (model ${version}) from ${data.elifeTrain.length} eLife and ${data.sciciteDev.length} SciCite statements in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
