/**
 * The classify stage: statement text in, stance (supporting / mentioning / contrasting) with a
 * calibrated confidence, intent, and cues out. `loadClassifier` is the entry point.
 */
import { join } from "node:path";
import type { Classifier } from "../../core/contracts.js";
import { PACKAGE_ROOT } from "../../paths.js";
import { LinearClassifier } from "./classifier.js";
import { readModel } from "./model-file.js";

/** The committed default model (trained on permissive data only: eLife stance train and SciCite dev). */
export const DEFAULT_MODEL_PATH = join(PACKAGE_ROOT, "models", "stance-intent.clf");

/**
 * Loads a classifier model (the committed default when no path is given), synchronously.
 * Throws with a message saying how to fix it when the file is missing or of another format version.
 */
export function loadClassifier(modelPath?: string): Classifier {
  return new LinearClassifier(readModel(modelPath ?? DEFAULT_MODEL_PATH));
}

export { LinearClassifier } from "./classifier.js";
