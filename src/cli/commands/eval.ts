/** `citelens eval`: the classifier's figures on elife-stance-dev, in cross-validation, and on SciCite test. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { sharedDataDir } from "../../paths.js";
import { renderApproaches } from "../../pipeline/classify/approaches.js";
import { DEFAULT_MODEL_PATH } from "../../pipeline/classify/index.js";
import { readModel } from "../../pipeline/classify/model-file.js";
import { renderReport } from "../../pipeline/classify/report-text.js";
import { runComparison, runEvaluation } from "../../pipeline/classify/run-eval.js";
import { EXIT_INPUT, UsageError } from "../exit.js";

interface Options {
  readonly model: string;
  readonly data?: string;
  readonly dev?: string[];
  readonly cv: boolean;
  readonly json?: boolean;
  readonly approaches?: string[] | boolean;
}

/** Registers `citelens eval`. */
export function register(program: Command): void {
  program
    .command("eval")
    .description(
      "Evaluate the classifier: per-class precision/recall/F1, macro-F1, confusion matrix, ECE and a reliability " +
        "table on elife-stance-dev (natural, enriched, all), grouped 5-fold cross-validation on elife-stance-train, " +
        "and intent macro-F1 on SciCite test.",
    )
    .option("--model <file>", "model file", DEFAULT_MODEL_PATH)
    .option("--data <dir>", "the shared data folder (default: ../shared/data or $CITELENS_SHARED_DATA)")
    .option(
      "--dev <file...>",
      "labeled file(s) in the elife-stance format to score (default: elife-stance-dev/dev.jsonl)",
    )
    .option("--no-cv", "skip the cross-validation on elife-stance-train")
    .option("--json", "print the report as JSON")
    .option(
      "--approaches [names...]",
      "instead, train and compare the approaches (all, or those named) as in docs/classifier.md (minutes)",
    )
    .action((opts: Options) => {
      const dataDir = opts.data ?? sharedDataDir();
      const devFiles = opts.dev ?? (dataDir ? [join(dataDir, "elife-stance-dev", "dev.jsonl")] : []);
      if (devFiles.length === 0) throw new UsageError("no dev file: pass --dev <file> or --data <dir>");
      for (const f of devFiles) if (!existsSync(f)) throw new UsageError(`no such file: ${f}`);
      if (opts.approaches !== undefined) {
        if (dataDir === null) throw new UsageError("the comparison needs the shared data folder: pass --data <dir>");
        const names = Array.isArray(opts.approaches) ? opts.approaches : [];
        const problems: { file: string; line: number; reason: string }[] = [];
        const rows = runComparison(dataDir, devFiles, names, problems, (row) =>
          process.stderr.write(`citelens eval: ${row.name} done in ${row.seconds.toFixed(0)} s\n`),
        );
        process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : `${renderApproaches(rows)}\n`);
        return;
      }
      let model: ReturnType<typeof readModel>;
      try {
        model = readModel(opts.model);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const problems: { file: string; line: number; reason: string }[] = [];
      const report = runEvaluation({ model, devFiles, dataDir, crossValidation: opts.cv, problems });
      for (const p of problems) process.stderr.write(`citelens eval: ${p.file}:${p.line}: ${p.reason}\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report)}\n`);
      if (problems.length > 0) process.exitCode = EXIT_INPUT;
    });
}
