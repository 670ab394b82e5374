/**
 * Multinomial logistic regression over sparse hashed features, trained by AdaGrad with L2 and
 * per-example weights (class weights for the rare classes). Deterministic for a given seed.
 */
import { seededRandom, shuffle } from "../../core/random.js";

/** One training example: sparse feature indices and values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Training settings. */
export interface SoftmaxOptions {
  readonly classes: number;
  /** Size of the feature space. */
  readonly dim: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

/** Weights laid out feature-major (`weights[j * K + k]`) so one feature's class weights sit together. */
export interface LinearModel {
  readonly classes: number;
  readonly dim: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Writes the class scores (logits) of a sparse vector into `out`. */
export function linearScores(
  model: LinearModel,
  indices: Int32Array,
  values: Float32Array,
  size: number,
  out: Float64Array,
): void {
  const K = model.classes;
  const w = model.weights;
  for (let k = 0; k < K; k++) out[k] = model.bias[k] as number;
  if (K === 3) {
    let z0 = out[0] as number;
    let z1 = out[1] as number;
    let z2 = out[2] as number;
    for (let f = 0; f < size; f++) {
      const o = (indices[f] as number) * 3;
      const v = values[f] as number;
      z0 += (w[o] as number) * v;
      z1 += (w[o + 1] as number) * v;
      z2 += (w[o + 2] as number) * v;
    }
    out[0] = z0;
    out[1] = z1;
    out[2] = z2;
    return;
  }
  for (let f = 0; f < size; f++) {
    const o = (indices[f] as number) * K;
    const v = values[f] as number;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (w[o + k] as number) * v;
  }
}

/** Softmax of `z` (divided by `temperature`) in place. */
export function softmaxInPlace(z: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, (z[k] as number) / temperature);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] as number) / temperature - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / sum;
}

/** Trains the model on examples with labels `0..K-1` and per-example weights. */
export function trainSoftmax(
  examples: readonly SparseVector[],
  labels: readonly number[],
  exampleWeights: readonly number[],
  options: SoftmaxOptions,
): LinearModel {
  const K = options.classes;
  const weights = new Float32Array(options.dim * K);
  const g2 = new Float32Array(options.dim * K);
  const bias = new Float32Array(K);
  const biasG2 = new Float64Array(K);
  const model: LinearModel = { classes: K, dim: options.dim, weights, bias };
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  const lr = options.learningRate;
  const l2 = options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = examples[i] as SparseVector;
      const y = labels[i] as number;
      const sw = exampleWeights[i] as number;
      linearScores(model, x.indices, x.values, x.indices.length, z);
      softmaxInPlace(z);
      for (let k = 0; k < K; k++) g[k] = ((z[k] as number) - (k === y ? 1 : 0)) * sw;
      for (let k = 0; k < K; k++) {
        const gk = g[k] as number;
        biasG2[k] = (biasG2[k] as number) + gk * gk;
        bias[k] = (bias[k] as number) - (lr * gk) / Math.sqrt((biasG2[k] as number) + 1e-8);
      }
      for (let f = 0; f < x.indices.length; f++) {
        const o = (x.indices[f] as number) * K;
        const v = x.values[f] as number;
        for (let k = 0; k < K; k++) {
          const grad = (g[k] as number) * v + l2 * (weights[o + k] as number);
          const acc = (g2[o + k] as number) + grad * grad;
          g2[o + k] = acc;
          weights[o + k] = (weights[o + k] as number) - (lr * grad) / Math.sqrt(acc + 1e-8);
        }
      }
    }
  }
  return model;
}
