/**
 * A wide-and-deep softmax model over sparse hashed features: a linear (wide) part plus one hidden
 * ReLU layer fed by a bag of feature embeddings (deep), trained jointly by AdaGrad with per-example
 * weights. Compared against plain softmax regression in docs/classifier.md.
 */
import { seededRandom, shuffle } from "../../core/random.js";
import type { SparseVector } from "./softmax.js";

/** Settings of the wide-and-deep model. */
export interface MlpOptions {
  readonly classes: number;
  readonly dim: number;
  readonly hidden: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

/** The trained parameters. */
export interface MlpModel {
  readonly classes: number;
  readonly dim: number;
  readonly hidden: number;
  /** Linear part, feature-major: `wide[j * K + k]`. */
  readonly wide: Float32Array;
  /** Embeddings, feature-major: `embed[j * H + h]`. */
  readonly embed: Float32Array;
  readonly hiddenBias: Float32Array;
  /** Output layer: `out[h * K + k]`. */
  readonly out: Float32Array;
  readonly bias: Float32Array;
}

/** Writes the logits of a sparse vector into `z`, and the hidden activations into `a`. */
export function mlpScores(
  m: MlpModel,
  indices: Int32Array,
  values: Float32Array,
  size: number,
  z: Float64Array,
  a: Float64Array,
): void {
  const K = m.classes;
  const H = m.hidden;
  for (let h = 0; h < H; h++) a[h] = m.hiddenBias[h] as number;
  for (let k = 0; k < K; k++) z[k] = m.bias[k] as number;
  for (let f = 0; f < size; f++) {
    const j = indices[f] as number;
    const v = values[f] as number;
    const oe = j * H;
    for (let h = 0; h < H; h++) a[h] = (a[h] as number) + (m.embed[oe + h] as number) * v;
    const ow = j * K;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (m.wide[ow + k] as number) * v;
  }
  for (let h = 0; h < H; h++) {
    const act = Math.max(0, a[h] as number);
    a[h] = act;
    if (act === 0) continue;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + act * (m.out[h * K + k] as number);
  }
}

/** Trains the model. */
export function trainMlp(
  examples: readonly SparseVector[],
  labels: readonly number[],
  exampleWeights: readonly number[],
  o: MlpOptions,
): MlpModel {
  const { classes: K, dim, hidden: H } = o;
  const random = seededRandom(o.seed);
  const init = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const m: MlpModel = {
    classes: K,
    dim,
    hidden: H,
    wide: new Float32Array(dim * K),
    embed: init(dim * H, 0.05),
    hiddenBias: new Float32Array(H),
    out: init(H * K, 1 / Math.sqrt(H)),
    bias: new Float32Array(K),
  };
  const g2 = {
    wide: new Float32Array(dim * K),
    embed: new Float32Array(dim * H),
    hiddenBias: new Float64Array(H),
    out: new Float64Array(H * K),
    bias: new Float64Array(K),
  };
  const z = new Float64Array(K);
  const a = new Float64Array(H);
  const gz = new Float64Array(K);
  const ga = new Float64Array(H);
  const lr = o.learningRate;
  const step = (w: Float32Array | Float64Array, acc: Float32Array | Float64Array, i: number, grad: number) => {
    const s = (acc[i] as number) + grad * grad;
    acc[i] = s;
    w[i] = (w[i] as number) - (lr * grad) / Math.sqrt(s + 1e-8);
  };
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = examples[i] as SparseVector;
      const y = labels[i] as number;
      const sw = exampleWeights[i] as number;
      mlpScores(m, x.indices, x.values, x.indices.length, z, a);
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] as number) - max);
        sum += z[k] as number;
      }
      for (let k = 0; k < K; k++) gz[k] = ((z[k] as number) / sum - (k === y ? 1 : 0)) * sw;
      for (let h = 0; h < H; h++) {
        let g = 0;
        if ((a[h] as number) > 0) for (let k = 0; k < K; k++) g += (gz[k] as number) * (m.out[h * K + k] as number);
        ga[h] = g;
        for (let k = 0; k < K; k++) step(m.out, g2.out, h * K + k, (gz[k] as number) * (a[h] as number));
        if (g !== 0) step(m.hiddenBias, g2.hiddenBias, h, g);
      }
      for (let k = 0; k < K; k++) step(m.bias, g2.bias, k, gz[k] as number);
      for (let f = 0; f < x.indices.length; f++) {
        const j = x.indices[f] as number;
        const v = x.values[f] as number;
        for (let k = 0; k < K; k++) {
          const idx = j * K + k;
          step(m.wide, g2.wide, idx, (gz[k] as number) * v + o.l2 * (m.wide[idx] as number));
        }
        for (let h = 0; h < H; h++) {
          const g = ga[h] as number;
          if (g === 0) continue;
          const idx = j * H + h;
          step(m.embed, g2.embed, idx, g * v + o.l2 * (m.embed[idx] as number));
        }
      }
    }
  }
  return m;
}
