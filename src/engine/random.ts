// A small seeded generator (sfc32 seeded through splitmix32): same seed, same sequence, everywhere.

import type { GraphDoc } from './format/types';

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** standard normal (Box–Muller) */
  normal(): number;
  /** uniform integer in 0..n-1 */
  int(n: number): number;
}

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit state */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** any finite number to a 32-bit seed (integers below 2^53 keep both halves) */
function seed32(seed: number): number {
  const n = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const low = n % 0x100000000 | 0;
  const high = Math.floor(n / 0x100000000) | 0;
  return splitmix32(low ^ Math.imul(high, 0x85ebca6b));
}

export function createRng(seed: number): Rng {
  let a = seed32(seed);
  let b = splitmix32(a);
  let c = splitmix32(b);
  let d = 1;
  const next32 = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  const next = (): number => next32() / 0x100000000;
  return {
    next,
    normal: () => {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** the generator that shuffles epoch `epoch` (so resuming from a saved epoch repeats the same orders) */
export function epochRng(seed: number, epoch: number): Rng {
  return createRng(seed32(seed) ^ Math.imul(splitmix32(epoch | 0), 0x9e3779b1));
}

/** a small initial weight, uniform in [−0.5, 0.5) */
export function randomWeight(rng: Rng): number {
  return rng.next() - 0.5;
}

/** a copy of `doc` with every edge's weight re-drawn from `seed`, in edge order, and no momentum velocity */
export function initWeights(doc: GraphDoc, seed: number): GraphDoc {
  const rng = createRng(seed);
  return { ...doc, edges: doc.edges.map(({ velocity: _velocity, ...e }) => ({ ...e, weight: randomWeight(rng) })) };
}

/** a uniformly random permutation of 0..n-1 (Fisher–Yates) */
export function shuffledOrder(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
