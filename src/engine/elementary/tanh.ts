// tanh x in plain IEEE-754 double arithmetic: a port of fdlibm 5.3's s_tanh.c (Sun Microsystems
// 1993), with msun's (FreeBSD, V8) |x| < 2^−28 shortcut, built on our expm1, so every runtime
// computes the same bits. Error < 1 ulp (checked in test/engine/elementary/tanh.test.ts).
//
// Method, for 0 ≤ x (tanh is odd):
//  0 ≤ x < 2^−28:  tanh(x) = x (correctly rounded: x³/3 is below half an ulp of x)
//  2^−28 ≤ x < 1:  t = expm1(−2x), tanh(x) = −t / (t + 2)
//  1 ≤ x < 22:     t = expm1(2x),  tanh(x) = 1 − 2 / (t + 2)
//  22 ≤ x ≤ ∞:     tanh(x) = 1 (rounded from 1 − tiny)
// tanh(NaN) = NaN, tanh(±0) = ±0, tanh(±∞) = ±1.

import { expm1 } from './expm1';
import { highWord } from './words';

const TINY = 1.0e-300;

/** tanh x, the same bits on every IEEE-754 host */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff; // high word of |x|
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // tanh(±∞) = ±1, tanh(NaN) = NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^−28: tanh(x) = x, ±0 kept
    const ax = Math.abs(x);
    if (ix >= 0x3ff00000) {
      // |x| ≥ 1
      z = 1 - 2 / (expm1(2 * ax) + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1 - TINY; // |x| ≥ 22: ±1
  }
  return jx >= 0 ? z : -z;
}
