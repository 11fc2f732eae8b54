// e^x − 1 in plain IEEE-754 double arithmetic: a port of fdlibm 5.3's s_expm1.c (Sun Microsystems
// 1993; also V8's and FreeBSD msun's), accurate even where e^x − 1 would cancel. tanh is built on it.
// Error < 1 ulp (fdlibm's own analysis; checked in test/engine/elementary/expm1.test.ts).
//
// Method:
//  1. Reduce x to r: x = k·ln2 + r, |r| ≤ 0.5·ln2, r carried as hi − lo, with c the rounding error.
//  2. On [−0.347, 0.347] approximate with a special rational function: with hfx = r/2, hxs = r·hfx,
//     r1 = 1 + hxs·(Q1 + hxs·(Q2 + … + hxs·Q5)) (a degree-5 Remez fit of 6/r·((e^r+1)/(e^r−1)) − 6/r²·…),
//     t = 3 − r1·hfx, e = hxs·(r1 − t)/(6 − r·t), and expm1(r) = r − (r·e − hxs).
//  3. Scale back: expm1(x) = 2^k·(expm1(r) + 1) − 1, arranged per k to keep every bit.
// Special cases: expm1(NaN) = NaN, expm1(+∞) = +∞, expm1(−∞) = −1, expm1(x) = +∞ for
// x > 709.78…, expm1(x) = −1 (inexact) for x < −56·ln2.

import { EXP_OVERFLOW_THRESHOLD } from './exp';
import { fromWords, highWord, lowWord, withHighWord } from './words';

const HUGE = 1.0e300;
const TINY = 1.0e-300;
const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e0; // 0x3FF71547 652B82FE
const Q1 = -3.33333333333331316428e-2; // 0xBFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // 0xBE8AFDB7 6E09C32D

/** e^x − 1, the same bits on every IEEE-754 host */
export function expm1(x: number): number {
  const jx = highWord(x);
  const hx = jx & 0x7fffffff; // high word of |x|
  const negative = jx < 0; // sign bit
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2: huge or non-finite
    if (hx >= 0x40862e42) {
      // |x| ≥ 709.78…
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return negative ? -1 : x; // expm1(±∞) = {−1, +∞}
      }
      if (x > EXP_OVERFLOW_THRESHOLD) return HUGE * HUGE; // +∞
    }
    if (negative) return TINY - 1; // x < −56·ln2: −1
  }
  let k = 0;
  let r = x;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5·ln2: reduce
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2: k = ±1
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0; // C's (int) truncates toward 0, as | 0 does
      hi = x - k * LN2_HI; // k·LN2_HI is exact here
      lo = k * LN2_LO;
    }
    r = hi - lo;
    c = hi - r - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^−54: expm1(x) rounds to x
    return x;
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - r * t));
  if (k === 0) return r - (r * e - hxs); // c is 0
  e = r * (e - c) - c;
  e -= hxs;
  return scaleBack(k, r, e);
}

/** 2^k·(1 + r − e) − 1 for k ≠ 0, where r − e is expm1 of the reduced argument */
function scaleBack(k: number, r: number, e: number): number {
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2.0 * (e - (r + 0.5)) : 1 + 2.0 * (r - e);
  if (k <= -2 || k > 56) {
    // e^x − 1 rounds to e^x (or to −1 via e^x's bits), so: e^x − 1
    const y = 1 - (e - r);
    return withHighWord(y, highWord(y) + (k << 20)) - 1; // add k to y's exponent
  }
  if (k < 20) {
    const t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // t = 1 − 2^−k
    const y = t - (e - r);
    return withHighWord(y, highWord(y) + (k << 20));
  }
  const t = fromWords((0x3ff - k) << 20, 0); // t = 2^−k
  const y = r - (e + t) + 1;
  return withHighWord(y, highWord(y) + (k << 20));
}
