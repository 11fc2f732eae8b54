// Seeded 2-D datasets for the point editor: points in [−1, 1]², classes alternating so both appear.

import type { Example } from './format/types';
import { createRng, type Rng } from './random';

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

export function generate(kind: GeneratorKind, opts: GenerateOptions): Example[] {
  const shape = SHAPES[kind];
  if (!shape) throw new RangeError(`unknown generator '${String(kind)}'; choose ${GENERATOR_KINDS.join(', ')}`);
  const rng = createRng(opts.seed);
  const low = opts.low ?? 0;
  const count = Math.max(0, Math.floor(opts.count));
  const examples: Example[] = [];
  for (let i = 0; i < count; i++) {
    const high = i % 2 === 0;
    const [x, y] = shape(high, rng, i, count);
    const jitter = (): number => (opts.noise > 0 ? opts.noise * rng.normal() : 0);
    examples.push({ x: [round3(clamp(x + jitter())), round3(clamp(y + jitter()))], y: [high ? 1 : low] });
  }
  return examples;
}
