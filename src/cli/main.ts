/**
 * `citelens`: the command-line interface. Each command lives in its own module under commands/
 * and registers itself on the program.
 */
import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { register as classify } from "./commands/classify.js";
import { register as evaluate } from "./commands/eval.js";
import { register as extract } from "./commands/extract.js";
import { register as ingest } from "./commands/ingest.js";
import { register as report } from "./commands/report.js";
import { register as resolve } from "./commands/resolve.js";
import { register as search } from "./commands/search.js";
import { register as serve } from "./commands/serve.js";
import { register as start } from "./commands/start.js";
import { register as stats } from "./commands/stats.js";
import { register as train } from "./commands/train.js";
import { EXIT_INPUT, EXIT_USAGE, UsageError } from "./exit.js";

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command("citelens")
    .description(
      "Citelens: an open smart citation index (citation statements labeled supporting, mentioning, contrasting).",
    )
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const registerCommand of [
    extract,
    ingest,
    resolve,
    classify,
    train,
    evaluate,
    report,
    search,
    stats,
    serve,
    start,
  ]) {
    registerCommand(program);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`citelens: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    // Anything else stopped the command (a database that cannot be opened or written, a full disk):
    // one line that says why; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`citelens: ${message}\n`);
    if (process.env.CITELENS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_INPUT;
  }
}

await main(process.argv);
