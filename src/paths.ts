/** Where the package and its data live, independent of the working directory. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (this file compiles to `dist/src/paths.js`, two levels below it). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The shared data folder (`../shared/data` beside the checkout, or `$CITELENS_SHARED_DATA`), or null
 * when this machine has none (a user's fresh machine).
 */
export function sharedDataDir(): string | null {
  const candidates = [process.env.CITELENS_SHARED_DATA, join(PACKAGE_ROOT, "..", "shared", "data")];
  for (const c of candidates) if (c && existsSync(c)) return resolve(c);
  return null;
}

/** A path inside the shared data folder, or null when the folder or the path is missing. */
export function sharedData(...parts: string[]): string | null {
  const dir = sharedDataDir();
  if (dir === null) return null;
  const p = join(dir, ...parts);
  return existsSync(p) ? p : null;
}

/** The committed sample corpus (about 20 eLife articles) used when no shared data is present. */
export const SAMPLES_DIR = join(PACKAGE_ROOT, "samples");
