/** Paths and bytes of the hand-made parse fixtures (test/fixtures/parse). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/paths.js";

/** The folder of the parse fixtures. */
export const FIXTURES = join(PACKAGE_ROOT, "test", "fixtures", "parse");

/** The bytes of one fixture file. */
export function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}
