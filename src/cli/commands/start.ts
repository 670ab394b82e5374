/** `citelens start`: being built (see the open issues); registered so the program lists it. */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("start")
    .description("(not built yet)")
    .action(() => {
      throw new Error("citelens start is not built yet");
    });
}
