// e^x in plain IEEE-754 double arithmetic: a port of fdlibm 5.3's e_exp.c (__ieee754_exp,
// Sun Microsystems 1993, the algorithm V8 and FreeBSD's msun use too), so every JavaScript
// runtime — Node, Chromium, Electron — and the WebAssembly kernel compute the same bits.
// Error < 1 ulp (fdlibm's own analysis; checked in test/engine/elementary/exp.test.ts).
//
// Method:
//  1. Reduce x to r: x = k·ln2 + r, |r| ≤ 0.5·ln2, with r carried as hi − lo for extra precision.
//  2. On [0, 0.347] approximate R(r²) ≈ r·(e^r + 1)/(e^r − 1) by a degree-5 Remez polynomial,
//     c(r) = r − r²·(P1 + r²·(P2 + … + r²·P5)); then e^r = 1 + r + r·c(r)/(2 − c(r)).
//  3. e^x = 2^k · e^r, scaling by adding k to the exponent bits.
// Special cases: exp(NaN) = NaN, exp(+∞) = +∞, exp(−∞) = 0; exp(x) = +∞ for x > 709.78…,
// exp(x) = 0 for x < −745.13…

import { highWord, lowWord, withHighWord } from './words';

const HUGE = 1.0e300;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^−1000 = 0x01700000 00000000
/** above this e^x overflows (0x40862E42 FEFA39EF) */
export const EXP_OVERFLOW_THRESHOLD = 7.09782712893383973096e2;
/** below this e^x underflows to 0 (0xC0874910 D52D3051) */
export const EXP_UNDERFLOW_THRESHOLD = -7.45133219101941108420e2;
const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e0; // 0x3FF71547 652B82FE
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0

/** e^x, the same bits on every IEEE-754 host */
export function exp(x: number): number {
  const jx = highWord(x);
  const hx = jx & 0x7fffffff; // high word of |x|
  const negative = jx < 0; // sign bit
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: non-finite, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative ? 0 : x; // exp(±∞) = {0, +∞}
    }
    if (x > EXP_OVERFLOW_THRESHOLD) return HUGE * HUGE; // +∞
    if (x < EXP_UNDERFLOW_THRESHOLD) return TWO_M1000 * TWO_M1000; // +0
  }
  let k = 0;
  let hi = 0;
  let lo = 0;
  let r = x;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5·ln2: reduce
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
  } else if (hx < 0x3e300000) {
    // |x| < 2^−28: e^x rounds to 1 + x
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2.0) - r);
  const y = 1 - (lo - (r * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20)); // add k to y's exponent
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000; // subnormal result
}
