/**
 * Calibration fitted on held-out (out-of-fold) scores: temperature scaling, temperature with class
 * biases (a prior-shift correction), and isotonic regression of the chosen label's confidence.
 */

/** A fitted logit transform: `softmax(z * scale + bias)`. Temperature scaling is `scale = 1/T, bias = 0`. */
export interface LogitTransform {
  readonly scale: number;
  readonly bias: readonly number[];
}

/** Mean negative log-likelihood of labels under `softmax(z * scale + bias)`. */
export function negLogLikelihood(
  logits: readonly (readonly number[])[],
  labels: readonly number[],
  t: LogitTransform,
  weights?: readonly number[],
): number {
  let total = 0;
  let wsum = 0;
  logits.forEach((z, i) => {
    const w = weights?.[i] ?? 1;
    let max = -Infinity;
    const s = z.map((v, k) => v * t.scale + (t.bias[k] ?? 0));
    for (const v of s) max = Math.max(max, v);
    let sum = 0;
    for (const v of s) sum += Math.exp(v - max);
    total += w * (Math.log(sum) + max - (s[labels[i] as number] as number));
    wsum += w;
  });
  return total / Math.max(wsum, 1e-12);
}

/** Temperature scaling: the `T > 0` that minimizes the NLL (golden-section search over log T). */
export function fitTemperature(
  logits: readonly (readonly number[])[],
  labels: readonly number[],
  weights?: readonly number[],
): number {
  const K = logits[0]?.length ?? 0;
  const zero = new Array<number>(K).fill(0);
  const f = (logT: number) => negLogLikelihood(logits, labels, { scale: Math.exp(-logT), bias: zero }, weights);
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 80; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Temperature and class biases together (convex in scale and bias), by full-batch gradient descent.
 * The biases absorb a shift of class priors between the training mix and the data scored.
 */
export function fitScaleAndBias(
  logits: readonly (readonly number[])[],
  labels: readonly number[],
  weights?: readonly number[],
  iterations = 3000,
): LogitTransform {
  const K = logits[0]?.length ?? 0;
  let scale = 1 / fitTemperature(logits, labels, weights);
  const bias = new Array<number>(K).fill(0);
  const n = logits.length;
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += weights?.[i] ?? 1;
  const p = new Array<number>(K).fill(0);
  let lr = 0.5;
  let prev = negLogLikelihood(logits, labels, { scale, bias }, weights);
  for (let it = 0; it < iterations; it++) {
    let gScale = 0;
    const gBias = new Array<number>(K).fill(0);
    for (let i = 0; i < n; i++) {
      const z = logits[i] as readonly number[];
      const w = (weights?.[i] ?? 1) / wsum;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        p[k] = (z[k] as number) * scale + (bias[k] as number);
        max = Math.max(max, p[k] as number);
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp((p[k] as number) - max);
        sum += p[k] as number;
      }
      const y = labels[i] as number;
      for (let k = 0; k < K; k++) {
        const d = ((p[k] as number) / sum - (k === y ? 1 : 0)) * w;
        gScale += d * (z[k] as number);
        gBias[k] = (gBias[k] as number) + d;
      }
    }
    const nextScale = scale - lr * gScale;
    const nextBias = bias.map((b, k) => b - lr * (gBias[k] as number));
    // Bias is defined up to a constant: pin the mean to zero.
    const mean = nextBias.reduce((a, b) => a + b, 0) / K;
    const candidate = { scale: nextScale, bias: nextBias.map((b) => b - mean) };
    const value = negLogLikelihood(logits, labels, candidate, weights);
    if (value <= prev) {
      scale = candidate.scale;
      for (let k = 0; k < K; k++) bias[k] = candidate.bias[k] as number;
      if (prev - value < 1e-10) break;
      prev = value;
      lr *= 1.1;
    } else {
      lr /= 2;
      if (lr < 1e-8) break;
    }
  }
  return { scale, bias };
}

/** A monotone step function fitted by isotonic regression: `x` thresholds and their values. */
export interface IsotonicMap {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** Isotonic (non-decreasing) regression of `y` on `x` by pool-adjacent-violators. */
export function fitIsotonic(xs: readonly number[], ys: readonly number[], weights?: readonly number[]): IsotonicMap {
  const order = xs.map((_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number) || a - b);
  const blockX: number[] = [];
  const blockY: number[] = [];
  const blockW: number[] = [];
  for (const i of order) {
    const w = weights?.[i] ?? 1;
    blockX.push(xs[i] as number);
    blockY.push(ys[i] as number);
    blockW.push(w);
    while (blockY.length > 1 && (blockY[blockY.length - 2] as number) > (blockY[blockY.length - 1] as number)) {
      const w2 = blockW.pop() as number;
      const y2 = blockY.pop() as number;
      const x2 = blockX.pop() as number;
      const w1 = blockW[blockW.length - 1] as number;
      const y1 = blockY[blockY.length - 1] as number;
      blockY[blockY.length - 1] = (w1 * y1 + w2 * y2) / (w1 + w2);
      blockW[blockW.length - 1] = w1 + w2;
      blockX[blockX.length - 1] = x2; // the block now reaches up to x2
    }
  }
  return { x: blockX, y: blockY };
}

/** Applies an isotonic map: the value of the first block whose upper end is at or above `x`. */
export function applyIsotonic(map: IsotonicMap, x: number): number {
  const xs = map.x;
  if (xs.length === 0) return x;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) >= x) hi = mid;
    else lo = mid + 1;
  }
  return map.y[lo] as number;
}
