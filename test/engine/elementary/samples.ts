// Deterministic inputs for the elementary-function tests: seeded uniform draws over a range,
// random bit patterns (every exponent: subnormals, tiny, huge, NaN payloads), and a checker that
// counts how far one function strays from another in ulps.

import { expect } from 'vitest';
import { ulpsApart } from './reference';

/** mulberry32: a small seeded generator of uint32s, independent of the engine's */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** count doubles uniform in [low, high) */
export function uniform(count: number, low: number, high: number, seed: number): Float64Array {
  const next = seeded(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = low + (high - low) * ((next() * 2 ** 21 + (next() >>> 11)) / 2 ** 53);
  return out;
}

/** count doubles from uniformly random 64-bit patterns: all exponents, both signs */
export function randomBits(count: number, seed: number): Float64Array {
  const next = seeded(seed);
  const words = new Uint32Array(count * 2);
  for (let i = 0; i < words.length; i++) words[i] = next();
  return new Float64Array(words.buffer);
}

/** every ±2^k and its two neighbours, k from −1074 to 1023: the binade edges */
export function powersOfTwo(): number[] {
  const out: number[] = [];
  for (let k = -1074; k <= 1023; k++) {
    const p = 2 ** k;
    out.push(p, -p, nextUp(p), -nextUp(p), nextDown(p), -nextDown(p));
  }
  return out;
}

const view = new DataView(new ArrayBuffer(8));
/** the next double above x (x finite, ≥ 0) */
export function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
/** the next double below x (x finite, > 0) */
export function nextDown(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

/** assert f is within maxUlps of reference at every input; returns how many differ at all */
export function expectWithinUlps(
  f: (x: number) => number,
  reference: (x: number) => number,
  inputs: ArrayLike<number>,
  maxUlps: number,
): number {
  let differing = 0;
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i];
    const ours = f(x);
    const theirs = reference(x);
    if (Object.is(ours, theirs)) continue;
    differing++;
    const apart = ulpsApart(ours, theirs);
    if (apart > maxUlps) expect.fail(`at x = ${x}: ${ours} vs ${theirs}, ${apart} ulps apart`);
  }
  return differing;
}

const words = new DataView(new ArrayBuffer(8));

/** the double whose high and low 32-bit words are `hi` and `lo` */
export function fromWords(hi: number, lo: number): number {
  words.setUint32(0, hi >>> 0);
  words.setUint32(4, lo >>> 0);
  return words.getFloat64(0);
}

/** b and its `n` nearest doubles on each side, for b and −b */
export function nearDoubles(b: number, n: number): number[] {
  const out: number[] = [];
  for (const s of [b, -b]) {
    let up = s;
    let down = s;
    out.push(s);
    for (let i = 0; i < n; i++) {
      up = up >= 0 ? nextUp(up) : -nextDown(-up);
      down = down > 0 ? nextDown(down) : -nextUp(-down);
      out.push(up, down);
    }
  }
  return out;
}
