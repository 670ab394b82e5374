/** The Classifier contract implemented by the trained model: calibrated stance and intent, and cues. */
import type { Classifier } from "../../core/contracts.js";
import type { Classification, ClassifyInput, Intent, Stance } from "../../core/statement.js";
import { anchorText, FeatureExtractor, type Features } from "./features.js";
import type { ClassifierModel, Head } from "./model.js";

/** How many cues each classification carries. */
const MAX_CUES = 3;
/** How many top-contributing features are rendered to text before merging them into cues. */
const CANDIDATES = 8;

/**
 * Turns three logits (in `z[from..from+2]`) into calibrated probabilities in `p` and returns the label
 * chosen by the decision rule (`log p + offset`, largest wins).
 */
function calibrate(head: Head, z: Float64Array, from: number, p: Float64Array): number {
  const { scale, bias } = head.calibration;
  const a = (z[from] as number) * scale + (bias[0] as number);
  const b = (z[from + 1] as number) * scale + (bias[1] as number);
  const c = (z[from + 2] as number) * scale + (bias[2] as number);
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const sum = ea + eb + ec;
  p[0] = ea / sum;
  p[1] = eb / sum;
  p[2] = ec / sum;
  const d = head.decision;
  const da = Math.log(p[0]) + (d[0] as number);
  const db = Math.log(p[1]) + (d[1] as number);
  const dc = Math.log(p[2]) + (d[2] as number);
  return da >= db ? (da >= dc ? 0 : 2) : db >= dc ? 1 : 2;
}

/**
 * A classifier over a loaded model. Both heads' weights are interleaved (6 per feature: stance then
 * intent) so one memory read serves both; cues are the features that pushed the chosen stance most
 * (weight for that label minus the mean weight over labels), rendered as the words behind them.
 */
export class LinearClassifier implements Classifier {
  readonly version: string;
  private readonly extractor: FeatureExtractor;
  /** Both heads' weights, int16-quantized (a quarter of the cache footprint of float64). */
  private readonly weights: Int16Array;
  /** The quantization step of the stance and intent weights. */
  private readonly qStance: number;
  private readonly qIntent: number;
  private readonly z = new Float64Array(6);
  private readonly ps = new Float64Array(3);
  private readonly pi = new Float64Array(3);
  private readonly topIndex = new Int32Array(CANDIDATES);
  private readonly topValue = new Float64Array(CANDIDATES);
  private readonly spans = new Int32Array(3 * MAX_CUES);

  constructor(readonly model: ClassifierModel) {
    if (model.stance.labels.length !== 3 || model.intent.labels.length !== 3) {
      throw new Error("this classifier expects three stance and three intent labels");
    }
    this.version = model.version;
    this.extractor = new FeatureExtractor(model.features);
    const dim = model.stance.linear.dim;
    const w = new Int16Array(dim * 6);
    const ws = model.stance.linear.weights;
    const wi = model.intent.linear.weights;
    this.qStance = quantum(ws);
    this.qIntent = quantum(wi);
    for (let j = 0; j < dim; j++) {
      for (let k = 0; k < 3; k++) {
        w[j * 6 + k] = Math.round((ws[j * 3 + k] as number) / this.qStance);
        w[j * 6 + 3 + k] = Math.round((wi[j * 3 + k] as number) / this.qIntent);
      }
    }
    this.weights = w;
  }

  /** Classifies one statement. */
  classifyOne(input: ClassifyInput): Classification {
    const f = this.extractor.extract(input);
    const w = this.weights;
    const { stance, intent } = this.model;
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    let z4 = 0;
    let z5 = 0;
    const idx = f.indices;
    const val = f.values;
    for (let i = 0; i < f.size; i++) {
      const o = (idx[i] as number) * 6;
      const v = val[i] as number;
      z0 += (w[o] as number) * v;
      z1 += (w[o + 1] as number) * v;
      z2 += (w[o + 2] as number) * v;
      z3 += (w[o + 3] as number) * v;
      z4 += (w[o + 4] as number) * v;
      z5 += (w[o + 5] as number) * v;
    }
    const z = this.z;
    const qs = this.qStance;
    const qi = this.qIntent;
    z[0] = z0 * qs + (stance.linear.bias[0] as number);
    z[1] = z1 * qs + (stance.linear.bias[1] as number);
    z[2] = z2 * qs + (stance.linear.bias[2] as number);
    z[3] = z3 * qi + (intent.linear.bias[0] as number);
    z[4] = z4 * qi + (intent.linear.bias[1] as number);
    z[5] = z5 * qi + (intent.linear.bias[2] as number);
    const ps = this.ps;
    const pi = this.pi;
    const s = calibrate(stance, z, 0, ps);
    const i = calibrate(intent, z, 3, pi);
    return {
      stance: stance.labels[s] as Stance,
      confidence: ps[s] as number,
      intent: intent.labels[i] as Intent,
      intentConfidence: pi[i] as number,
      cues: this.cues(f, s),
    };
  }

  classify(inputs: readonly ClassifyInput[]): Classification[] {
    const out = new Array<Classification>(inputs.length);
    for (let i = 0; i < inputs.length; i++) out[i] = this.classifyOne(inputs[i] as ClassifyInput);
    return out;
  }

  /** The phrases behind the features that pushed stance label `chosen` most, strongest first. */
  private cues(f: Features, chosen: number): string[] {
    const w = this.weights;
    const topIndex = this.topIndex;
    const topValue = this.topValue;
    const anchors = f.anchors;
    const indices = f.indices;
    const values = f.values;
    const size = f.size;
    let kept = 0;
    let floor = 0;
    for (let i = 0; i < size; i++) {
      if ((anchors[i] as number) < 0) continue;
      const o = (indices[i] as number) * 6;
      const w0 = w[o] as number;
      const w1 = w[o + 1] as number;
      const w2 = w[o + 2] as number;
      const wc = chosen === 0 ? w0 : chosen === 1 ? w1 : w2;
      const c = (wc - (w0 + w1 + w2) / 3) * (values[i] as number);
      if (c <= floor) continue;
      // Insertion into the small sorted list of the strongest features so far.
      let j = kept < CANDIDATES ? kept++ : kept - 1;
      while (j > 0 && (topValue[j - 1] as number) < c) {
        topValue[j] = topValue[j - 1] as number;
        topIndex[j] = topIndex[j - 1] as number;
        j--;
      }
      topValue[j] = c;
      topIndex[j] = i;
      if (kept === CANDIDATES) floor = topValue[kept - 1] as number;
    }
    // Merge the strongest features' token spans (overlapping or touching spans of the same part
    // become one phrase, so "consistent" + "consistent with" + "with" read "consistent with"), keep
    // the first MAX_CUES phrases in order of strength, and render them.
    const spans = this.spans;
    let nSpans = 0;
    for (let r = 0; r < kept; r++) {
      const a = anchors[topIndex[r] as number] as number;
      const part = a >>> 24;
      const start = (a >>> 8) & 0xffff;
      const end = start + (a & 0xff);
      let merged = false;
      for (let x = 0; x < nSpans; x++) {
        const b = x * 3;
        if (spans[b] === part && start <= (spans[b + 2] as number) && end >= (spans[b + 1] as number)) {
          spans[b + 1] = Math.min(spans[b + 1] as number, start);
          spans[b + 2] = Math.max(spans[b + 2] as number, end);
          merged = true;
          break;
        }
      }
      if (!merged && nSpans < MAX_CUES) {
        spans[nSpans * 3] = part;
        spans[nSpans * 3 + 1] = start;
        spans[nSpans * 3 + 2] = end;
        nSpans++;
      }
    }
    const texts: string[] = [];
    for (let x = 0; x < nSpans; x++) {
      const start = spans[x * 3 + 1] as number;
      const a = ((spans[x * 3] as number) << 24) | (start << 8) | Math.min(255, (spans[x * 3 + 2] as number) - start);
      const text = anchorText(f.parts, a);
      if (text === null || text === "[cited]" || text === "[citation]" || text === "[number]") continue;
      if (!texts.includes(text)) texts.push(text);
    }
    return texts;
  }
}

/** The int16 step for weights: the largest magnitude maps to 32767 (as in the model file). */
function quantum(w: Float32Array): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] as number));
  return max === 0 ? 1 : max / 32767;
}

/** Calibrated probabilities and decision of one head for features, used in evaluation and tests. */
export function headProbabilities(head: Head, f: Features): { probabilities: Float64Array; chosen: number } {
  const z = new Float64Array(3);
  const w = head.linear.weights;
  for (let k = 0; k < 3; k++) z[k] = head.linear.bias[k] as number;
  for (let i = 0; i < f.size; i++) {
    const o = (f.indices[i] as number) * 3;
    const v = f.values[i] as number;
    for (let k = 0; k < 3; k++) z[k] = (z[k] as number) + (w[o + k] as number) * v;
  }
  const p = new Float64Array(3);
  const chosen = calibrate(head, z, 0, p);
  return { probabilities: p, chosen };
}
