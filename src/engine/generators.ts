// Seeded datasets for the point editor (docs/graph-format.md, "Generated datasets"): 2-D
// classification sets in [−1, 1]² with classes alternating so all appear (a k-class spiral too),
// TF Playground's regression sets and a 1-D function fit, and a seeded train/test split.

import type { Dataset, Example } from './format/types';
import { createRng, shuffledOrder, type Rng } from './random';

export type GeneratorKind = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'linear';

export const GENERATOR_KINDS: readonly GeneratorKind[] = ['circle', 'xor', 'gaussians', 'spiral', 'linear'];

export interface GenerateOptions {
  /** number of points; even indices are class "high" (1), odd ones class "low" */
  count: number;
  /** standard deviation of the Gaussian jitter added to each coordinate (0 = none; 0.1 is a little) */
  noise: number;
  seed: number;
  /** the class-0 target: 0 (default, sigmoid) or −1 (tanh) */
  low?: number;
  /** spiral only: k ≥ 3 arms, one-hot targets over k outputs (point i is class i mod k) */
  classes?: number;
  /** fraction 0.1 … 0.9 of the points kept for training; the others are marked test (absent: all train) */
  trainRatio?: number;
}

type Point = [number, number];
type PointOf = (high: boolean, rng: Rng, i: number, count: number) => Point;

const TAU = 2 * Math.PI;

/** high: inside radius 0.45; low: a ring 0.6..0.95 around it */
const circle: PointOf = (high, rng) => {
  const r = high ? 0.45 * Math.sqrt(rng.next()) : 0.6 + 0.35 * rng.next();
  const a = TAU * rng.next();
  return [r * Math.cos(a), r * Math.sin(a)];
};

/** high: quadrants where x·y > 0; low: where x·y < 0 (kept 0.05 away from the axes) */
const xor: PointOf = (high, rng) => {
  const x = (0.05 + 0.95 * rng.next()) * (rng.next() < 0.5 ? -1 : 1);
  const y = (0.05 + 0.95 * rng.next()) * (high === x > 0 ? 1 : -1);
  return [x, y];
};

/** high around (0.5, 0.5), low around (−0.5, −0.5), standard deviation 0.2 */
const gaussians: PointOf = (high, rng) => {
  const c = high ? 0.5 : -0.5;
  return [c + 0.2 * rng.normal(), c + 0.2 * rng.normal()];
};

/** two interleaved arms, one and three-quarter turns each */
const spiral: PointOf = (high, rng, i, count) => {
  const t = count > 1 ? Math.floor(i / 2) / Math.max(1, Math.ceil(count / 2) - 1) : 0;
  const r = 0.05 + 0.85 * t;
  const a = 1.75 * TAU * t + (high ? 0 : Math.PI) + 0.02 * rng.normal();
  return [r * Math.cos(a), r * Math.sin(a)];
};

/** high above the line x + y = 0, low below: a uniform point, mirrored across the line when on the wrong side */
const linear: PointOf = (high, rng) => {
  let x = 2 * rng.next() - 1;
  let y = 2 * rng.next() - 1;
  if (x + y === 0) x += x < 1 ? 0.01 : -0.01;
  if (x + y > 0 !== high) [x, y] = [-y, -x];
  return [x, y];
};

const SHAPES: Record<GeneratorKind, PointOf> = { circle, xor, gaussians, spiral, linear };

const clamp = (v: number): number => Math.min(1, Math.max(-1, v));
const round3 = (v: number): number => Math.round(v * 1000) / 1000 || 0; // || 0: no −0

const countOf = (opts: GenerateOptions): number => Math.max(0, Math.floor(opts.count));
const jitterOf = (opts: GenerateOptions, rng: Rng) => (): number => (opts.noise > 0 ? opts.noise * rng.normal() : 0);

export function generate(kind: GeneratorKind, opts: GenerateOptions): Example[] {
  const shape = SHAPES[kind];
  if (!shape) throw new RangeError(`unknown generator '${String(kind)}'; choose ${GENERATOR_KINDS.join(', ')}`);
  if (opts.classes !== undefined && opts.classes > 2) {
    if (kind !== 'spiral') throw new RangeError(`'${kind}' makes two classes; only 'spiral' makes ${opts.classes}`);
    return withTestSplit(spiralClasses(opts, Math.floor(opts.classes)), opts);
  }
  const rng = createRng(opts.seed);
  const low = opts.low ?? 0;
  const count = countOf(opts);
  const jitter = jitterOf(opts, rng);
  const examples: Example[] = [];
  for (let i = 0; i < count; i++) {
    const high = i % 2 === 0;
    const [x, y] = shape(high, rng, i, count);
    examples.push({ x: [round3(clamp(x + jitter())), round3(clamp(y + jitter()))], y: [high ? 1 : low] });
  }
  return withTestSplit(examples, opts);
}

/** k interleaved arms; point i is class c = i mod k at radius 0.05 + 0.85 t, angle 1.75·2π·t + c·2π/k */
function spiralClasses(opts: GenerateOptions, k: number): Example[] {
  const rng = createRng(opts.seed);
  const count = countOf(opts);
  const jitter = jitterOf(opts, rng);
  const perArm = Math.max(1, Math.ceil(count / k) - 1);
  const examples: Example[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % k;
    const t = Math.floor(i / k) / perArm;
    const r = 0.05 + 0.85 * t;
    const a = 1.75 * TAU * t + (c * TAU) / k + 0.02 * rng.normal();
    const y = Array.from({ length: k }, (_, o) => (o === c ? 1 : 0));
    examples.push({ x: [round3(clamp(r * Math.cos(a) + jitter())), round3(clamp(r * Math.sin(a) + jitter()))], y });
  }
  return examples;
}

// ------------------------------------------------------------------ regression

export type RegressionKind = 'plane' | 'multi-gaussian' | 'function';

export const REGRESSION_KINDS: readonly RegressionKind[] = ['plane', 'multi-gaussian', 'function'];

/** TF Playground's six bumps (centres and signs), scaled from its [−6, 6]² to [−1, 1]² */
const BUMPS: readonly [number, number, number][] = [
  [-4 / 6, 2.5 / 6, 1],
  [0, 2.5 / 6, -1],
  [4 / 6, 2.5 / 6, 1],
  [-4 / 6, -2.5 / 6, -1],
  [0, -2.5 / 6, 1],
  [4 / 6, -2.5 / 6, -1],
];

/** the bump value of largest magnitude: sign · max(0, 1 − 3 d) at distance d from its centre */
function multiGaussian(x: number, y: number): number {
  let label = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const value = sign * Math.max(0, 1 - 3 * Math.hypot(x - cx, y - cy));
    if (Math.abs(value) > Math.abs(label)) label = value;
  }
  return label;
}

/** real-valued targets: the plane y = (x₁ + x₂)/2, the six bumps, or the 1-D fit y = sin(π x₁) */
export function generateRegression(kind: RegressionKind, opts: GenerateOptions): Example[] {
  if (!REGRESSION_KINDS.includes(kind)) throw new RangeError(`unknown regression set '${String(kind)}'; choose ${REGRESSION_KINDS.join(', ')}`);
  const rng = createRng(opts.seed);
  const jitter = jitterOf(opts, rng);
  const examples: Example[] = [];
  for (let i = 0; i < countOf(opts); i++) {
    const x1 = 2 * rng.next() - 1;
    if (kind === 'function') {
      examples.push({ x: [round3(x1)], y: [round3(Math.sin(Math.PI * x1) + jitter())] });
      continue;
    }
    const x2 = 2 * rng.next() - 1;
    const value = kind === 'plane' ? (x1 + x2) / 2 : multiGaussian(x1, x2);
    examples.push({ x: [round3(clamp(x1 + jitter())), round3(clamp(x2 + jitter()))], y: [round3(value)] });
  }
  return withTestSplit(examples, opts);
}

// ------------------------------------------------------------------ train/test split and datasets

/** marks round(n · (1 − trainRatio)) examples test: the first of a Fisher–Yates order drawn from createRng(seed + 1) */
export function splitTrainTest(examples: readonly Example[], trainRatio: number, seed: number): Example[] {
  if (!(trainRatio >= 0.1 && trainRatio <= 0.9)) throw new RangeError(`the train ratio must lie in 0.1 … 0.9, got ${trainRatio}`);
  const testCount = Math.round(examples.length * (1 - trainRatio));
  const order = shuffledOrder(examples.length, createRng(seed + 1));
  const isTest = new Uint8Array(examples.length);
  for (let p = 0; p < testCount; p++) isTest[order[p]] = 1;
  return examples.map((ex, i) => {
    const { test: _test, ...rest } = ex;
    return isTest[i] === 1 ? { ...rest, test: true } : rest;
  });
}

function withTestSplit(examples: Example[], opts: GenerateOptions): Example[] {
  return opts.trainRatio === undefined ? examples : splitTrainTest(examples, opts.trainRatio, opts.seed);
}

/** a whole dataset: its examples with the problem (and, for k ≥ 3 classes, the class labels) */
export function generateDataset(kind: GeneratorKind | RegressionKind, opts: GenerateOptions): Dataset {
  if ((REGRESSION_KINDS as readonly string[]).includes(kind)) {
    const examples = generateRegression(kind as RegressionKind, opts);
    const features = kind === 'function' ? ['x'] : ['x', 'y'];
    return { problem: 'regression', features, targets: ['value'], examples };
  }
  const examples = generate(kind as GeneratorKind, opts);
  const k = opts.classes !== undefined && opts.classes > 2 ? Math.floor(opts.classes) : 0;
  if (k === 0) return { problem: 'classification', features: ['x', 'y'], targets: ['class'], examples };
  const classes = Array.from({ length: k }, (_, c) => `class ${c}`);
  return { problem: 'classification', classes, features: ['x', 'y'], targets: classes, examples };
}
