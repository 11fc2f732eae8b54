// Noticing that training blew up: a weight that is NaN/±Infinity, or beyond a bound long before
// that (with tanh and η = 10 the first NaN can take a hundred steps, outputs reach 1e154 first).
// Training checks after every update (train.ts, and the kernel identically): an update that would
// put a weight past the bound is not made, and the step and weight are named.

import type { Net } from './compile';

/** training has diverged when a weight is non-finite or |w| > WEIGHT_LIMIT (docs/graph-format.md) */
export const WEIGHT_LIMIT = 1e6;

/** |w| ≤ WEIGHT_LIMIT; false for NaN */
export function withinLimit(w: number): boolean {
  return Math.abs(w) <= WEIGHT_LIMIT;
}

/** a weight beyond the limit: edge index (doc.edges order) and value */
export interface Crossing {
  edgeIndex: number;
  value: number;
}

/** where an epoch stopped: the update that would have put weight `edgeIndex` at `value` */
export interface Divergence extends Crossing {
  /** 0-based number of the update within the epoch (the example's position in the visiting order, for sequential training) */
  step: number;
  /** for an update from one example (sequential): that example, an index into the training examples; else null */
  example: number | null;
}

/** the first weight (doc.edges order) that is non-finite or has |w| > WEIGHT_LIMIT, or null */
export function findDivergence(net: Pick<Net, 'weights'>): Crossing | null {
  return firstBeyondLimit(net.weights);
}

/** the first of `weights` outside the limit, or null */
export function firstBeyondLimit(weights: ArrayLike<number>): Crossing | null {
  for (let e = 0; e < weights.length; e++) if (!withinLimit(weights[e])) return { edgeIndex: e, value: weights[e] };
  return null;
}

/** the first weight w_e − η·g_e (doc.edges order) that would leave the limit, or null: the update's own arithmetic */
export function firstCrossing(weights: ArrayLike<number>, grad: ArrayLike<number>, eta: number): Crossing | null {
  for (let e = 0; e < weights.length; e++) {
    const next = weights[e] - eta * grad[e];
    if (!withinLimit(next)) return { edgeIndex: e, value: next };
  }
  return null;
}

/** E is blowing up past this many times the smallest E seen (docs/graph-format.md, "Divergence") */
export const ERROR_GROWTH_LIMIT = 1e6;

/**
 * E is blowing up: non-finite, or more than ERROR_GROWTH_LIMIT times `smallest`, the smallest E
 * measured so far (Infinity: none yet). The weights restored after a divergence are the last
 * whose E was not.
 */
export function isBlowingUp(error: number, smallest: number): boolean {
  return !Number.isFinite(error) || error > ERROR_GROWTH_LIMIT * smallest;
}
