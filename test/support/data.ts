/** Test helpers for the real corpora in ../shared/data. Suites that need them skip, saying so, when absent. */
import { sharedData } from "../../src/paths.js";

/** The path of a shared data set, or a skip message for `test(name, { skip })` when it is absent. */
export function corpus(...parts: string[]): { path: string; skip: false } | { path: null; skip: string } {
  const path = sharedData(...parts);
  return path === null
    ? { path: null, skip: `../shared/data/${parts.join("/")} is not on this machine` }
    : { path, skip: false };
}
