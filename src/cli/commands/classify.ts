/** `citelens classify`: labels citation statements (stance, confidence, intent, cues). */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { loadClassifier } from "../../pipeline/classify/index.js";
import { classifyJsonLines } from "../../pipeline/classify/jsonl.js";
import { EXIT_INPUT, UsageError } from "../exit.js";

interface Options {
  readonly jsonl?: boolean;
  readonly model?: string;
  readonly section?: string;
}

/** Registers `citelens classify`. */
export function register(program: Command): void {
  program
    .command("classify")
    .description(
      "Label citation statements supporting / mentioning / contrasting with a calibrated confidence, intent and cues. " +
        "With --jsonl: reads {id, sentence, before?, after?, section?} lines on stdin and writes " +
        "{id, stance, confidence, intent, intentConfidence, cues} lines on stdout, in input order.",
    )
    .argument("[sentence]", "one statement to classify (mark the target citation <<like this>>)")
    .option("--jsonl", "read JSON lines on stdin, write JSON lines on stdout")
    .option("--section <heading>", "section heading of the one sentence given as argument")
    .option("--model <file>", "model file (default: the committed models/stance-intent.clf)")
    .action(async (sentence: string | undefined, opts: Options) => {
      let classifier: ReturnType<typeof loadClassifier>;
      try {
        classifier = loadClassifier(opts.model);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (!opts.jsonl) {
        if (sentence === undefined) throw new UsageError("give a sentence, or --jsonl to read JSON lines on stdin");
        const [c] = classifier.classify([{ sentence, ...(opts.section ? { section: opts.section } : {}) }]);
        process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
        return;
      }
      // A reader that stops early (`| head`) closes the pipe: stop quietly, not with an EPIPE trace.
      process.stdout.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw error;
      });
      const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      const { errors } = await classifyJsonLines(
        rl,
        classifier,
        (text) => process.stdout.write(text),
        (e) => process.stderr.write(`citelens classify: stdin line ${e.line}: ${e.reason}\n`),
      );
      if (errors > 0) process.exitCode = EXIT_INPUT;
    });
}
