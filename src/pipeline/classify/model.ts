/** The trained classifier: feature configuration, a stance head and an intent head, each calibrated. */
import type { LogitTransform } from "./calibration.js";
import type { FeatureConfig } from "./features.js";
import type { LinearModel } from "./softmax.js";

/** Version of the model file layout; a file of another format version is refused. */
export const MODEL_FORMAT_VERSION = 1;

/** One output head: labels, linear weights, and the calibration fitted on out-of-fold scores. */
export interface Head {
  readonly labels: readonly string[];
  readonly linear: LinearModel;
  readonly calibration: LogitTransform;
  /**
   * Offsets added to the calibrated log-probabilities when choosing the label (tuned on out-of-fold
   * scores for macro-F1); the reported confidence stays the calibrated probability of the chosen label.
   */
  readonly decision: readonly number[];
}

/** Everything `loadClassifier` needs. */
export interface ClassifierModel {
  /** A version string, e.g. `lr-evidence-1+3fa9c2d1` (name, then a hash of the weights). */
  readonly version: string;
  readonly features: FeatureConfig;
  readonly stance: Head;
  readonly intent: Head;
  /** What each head was trained on, and how (for the README and the report). */
  readonly provenance: Readonly<Record<string, string>>;
}
