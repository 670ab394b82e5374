/** The Classifier contract implemented by the trained model: calibrated stance and intent, and cues. */
import type { Classifier } from "../../core/contracts.js";
import type { Classification, ClassifyInput, Intent, Stance } from "../../core/statement.js";
import { anchorText, type Features, FeatureExtractor } from "./features.js";
import type { ClassifierModel, Head } from "./model.js";
import { linearScores } from "./softmax.js";

/** How many cues each classification carries. */
const MAX_CUES = 3;

/** Calibrated probabilities of a head for one feature vector, and the chosen label. */
export interface HeadOutput {
  readonly probabilities: Float64Array;
  readonly chosen: number;
}

/** Scores one head: logits, calibration transform, softmax, then the decision rule. */
export function scoreHead(head: Head, f: Features, out: Float64Array): number {
  linearScores(head.linear, f.indices, f.values, f.size, out);
  const K = out.length;
  const { scale, bias } = head.calibration;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    const v = (out[k] as number) * scale + (bias[k] as number);
    out[k] = v;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((out[k] as number) - max);
    out[k] = e;
    sum += e;
  }
  let chosen = 0;
  let best = -Infinity;
  for (let k = 0; k < K; k++) {
    const p = (out[k] as number) / sum;
    out[k] = p;
    const d = Math.log(p) + (head.decision[k] as number);
    if (d > best) {
      best = d;
      chosen = k;
    }
  }
  return chosen;
}

/**
 * The features that pushed the chosen label most: each feature's weight for that label minus its mean
 * weight over labels, summed per phrase of text; the top few positive phrases.
 */
export function cuesOf(head: Head, f: Features, chosen: number, max = MAX_CUES): string[] {
  const K = head.linear.classes;
  const w = head.linear.weights;
  const byText = new Map<string, number>();
  for (let i = 0; i < f.size; i++) {
    const a = f.anchors[i] as number;
    if (a < 0) continue;
    const o = (f.indices[i] as number) * K;
    let mean = 0;
    for (let k = 0; k < K; k++) mean += w[o + k] as number;
    const c = ((w[o + chosen] as number) - mean / K) * scaleOf(head) * (f.values[i] as number);
    if (c <= 0) continue;
    const text = anchorText(f.parts, a);
    if (text === null || text === "[cited]" || text === "[other citation]" || text === "[number]") continue;
    byText.set(text, (byText.get(text) ?? 0) + c);
  }
  return [...byText.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, max)
    .map(([text]) => text);
}

function scaleOf(head: Head): number {
  return head.calibration.scale;
}

/** A classifier over a loaded model. */
export class LinearClassifier implements Classifier {
  readonly version: string;
  private readonly extractor: FeatureExtractor;
  constructor(readonly model: ClassifierModel) {
    this.version = model.version;
    this.extractor = new FeatureExtractor(model.features);
  }

  /** Classifies one statement. */
  classifyOne(input: ClassifyInput): Classification {
    const f = this.extractor.extract(input);
    const ps = new Float64Array(this.model.stance.labels.length);
    const s = scoreHead(this.model.stance, f, ps);
    const pi = new Float64Array(this.model.intent.labels.length);
    const i = scoreHead(this.model.intent, f, pi);
    return {
      stance: this.model.stance.labels[s] as Stance,
      confidence: ps[s] as number,
      intent: this.model.intent.labels[i] as Intent,
      intentConfidence: pi[i] as number,
      cues: cuesOf(this.model.stance, f, s),
    };
  }

  classify(inputs: readonly ClassifyInput[]): Classification[] {
    return inputs.map((input) => this.classifyOne(input));
  }
}
