// ln(1 + x) in plain IEEE-754 double arithmetic: a port of fdlibm 5.3's s_log1p.c (Sun
// Microsystems 1993; also FreeBSD msun's and V8's), accurate where 1 + x would lose x's bits.
// softplus and the cross-entropy loss are built on it. Error < 1 ulp (fdlibm's own analysis;
// checked in test/engine/elementary/log1p.test.ts).
//
// Method:
//  1. Reduce: 1 + x = 2^k·(1 + f) with √2/2 < 1 + f < √2; when k ≠ 0, u = 1 + x rounded and the
//     correction c = ((1 + x) − u)/u is added back.
//  2. With s = f/(2 + f), ln(1 + f) = 2s + s·R(s²), R a degree-14 Remez fit (Lp1…Lp7) on
//     [0, 0.1716]; computed as f − (hfsq − s·(hfsq + R)), hfsq = f²/2.
//  3. ln(1 + x) = k·ln2_hi + (f − (hfsq − (s·(hfsq + R) + (k·ln2_lo + c)))).
// Special cases: log1p(NaN) = NaN, log1p(+∞) = +∞, log1p(−1) = −∞, log1p(x < −1) = NaN, ±0 kept.

import { highWord, withHighWord } from './words';

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const TWO54 = 1.8014398509481984e16; // 0x43500000 00000000
const LP1 = 6.666666666666735130e-1; // 0x3FE55555 55555593
const LP2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LP3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LP4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LP5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LP6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LP7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

/** ln(1 + x), the same bits on every IEEE-754 host */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff; // high word of |x|
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < √2 (x negative or small)
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      if (x === -1) return -TWO54 / 0; // −∞
      return (x - x) / (x - x); // NaN
    }
    if (ax < 0x3e200000) {
      // |x| < 2^−29
      if (ax < 0x3c900000) return x; // |x| < 2^−54: ln(1 + x) rounds to x
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // √2/2 ≤ 1 + x < √2: no reduction
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u to [1, √2)
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2 to [√2/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^−20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.6666666666666666 * f); // fdlibm spells 0.66666666666666666: the same double
    if (k === 0) return f - r;
    return k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}
