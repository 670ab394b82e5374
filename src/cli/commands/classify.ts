/** `citelens classify`: being built (see the open issues); registered so the program lists it. */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("classify")
    .description("(not built yet)")
    .action(() => {
      throw new Error("citelens classify is not built yet");
    });
}
