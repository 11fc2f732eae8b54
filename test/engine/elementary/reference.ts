// An independent high-precision reference for the elementary-function tests: e^a, e^a − 1 and
// tanh a as exact BigInt ratios (about 300 correct bits), from the Taylor series and repeated
// squaring — no Math.exp, no fdlibm — plus exact double↔rational helpers and ulp distances.

/** a positive or negative rational num/den, den > 0 */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const GUARD = 320n; // working bits beyond what the argument itself needs

/** |x| = mantissa·2^exponent exactly (mantissa an integer < 2^53) */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** x as an exact ratio */
export function ratioOf(x: number): Ratio {
  const { mantissa, exponent } = decompose(x);
  const sign = x < 0 ? -1n : 1n;
  return exponent >= 0
    ? { num: sign * (mantissa << BigInt(exponent)), den: 1n }
    : { num: sign * mantissa, den: 1n << BigInt(-exponent) };
}

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** e^|x| as V / 2^P with relative error far below 2^−250 */
function expAbs(x: number): { value: bigint; precision: bigint } {
  const { mantissa, exponent } = decompose(x);
  const magnitude = bitLength(mantissa) + exponent; // |x| < 2^magnitude
  const halvings = BigInt(Math.max(0, magnitude + 8)); // |x| / 2^halvings < 2^−8
  const precision = GUARD + halvings + BigInt(Math.max(0, -exponent));
  const shift = BigInt(exponent) + precision - halvings; // ≥ 0 by the choice of precision
  const a = mantissa << shift; // |x| / 2^halvings, fixed point
  const one = 1n << precision;
  let sum = one;
  let term = one;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * a) / (n << precision);
    sum += term;
  }
  for (let i = 0n; i < halvings; i++) sum = (sum * sum) >> precision;
  return { value: sum, precision };
}

/** e^x */
export function expRatio(x: number): Ratio {
  const { value, precision } = expAbs(x);
  return x >= 0 ? { num: value, den: 1n << precision } : { num: 1n << precision, den: value };
}

/** e^x − 1, without cancellation */
export function expm1Ratio(x: number): Ratio {
  const { value, precision } = expAbs(x);
  const one = 1n << precision;
  return x >= 0 ? { num: value - one, den: one } : { num: one - value, den: value };
}

/** tanh x = (e^2|x| − 1) / (e^2|x| + 1), odd */
export function tanhRatio(x: number): Ratio {
  const { value, precision } = expAbs(2 * x); // 2x is exact
  const one = 1n << precision;
  const sign = x < 0 ? -1n : 1n;
  return { num: sign * (value - one), den: value + one };
}

/** num/den scaled by 2^−e: quotient and remainder over the scaled denominator */
function scaledDivide(n: bigint, den: bigint, e: number): { q: bigint; r: bigint; d: bigint } {
  const num = e >= 0 ? n : n << BigInt(-e);
  const d = e >= 0 ? den << BigInt(e) : den;
  return { q: num / d, r: num % d, d };
}

/** the double nearest to num/den (ties to even), subnormals included */
export function roundRatio({ num, den }: Ratio): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const n = negative ? -num : num;
  let e = bitLength(n) - bitLength(den) - 53;
  for (;;) {
    const bits = bitLength(scaledDivide(n, den, e).q);
    if (bits === 53) break;
    e += bits > 53 ? 1 : -1;
  }
  e = Math.max(e, -1074); // below 2^−1022 the ulp stays 2^−1074
  const { q, r, d } = scaledDivide(n, den, e);
  const twice = 2n * r;
  const rounded = twice > d || (twice === d && (q & 1n) === 1n) ? q + 1n : q;
  const magnitude = Number(rounded) * 2 ** Math.min(e, 900) * 2 ** Math.max(e - 900, 0);
  return negative ? -magnitude : magnitude;
}

/** sign of (exact − x): which side of the double x the exact value lies */
export function compareTo(exact: Ratio, x: number): number {
  const r = ratioOf(x);
  const diff = exact.num * r.den - r.num * exact.den;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/**
 * Whether x is within 1 ulp of the exact value: x is the correctly rounded double or the other
 * neighbour of the exact value (so the exact value lies strictly between x and the rounded one).
 */
export function isFaithful(exact: Ratio, x: number): boolean {
  const rounded = roundRatio(exact);
  if (Object.is(x, rounded) || x === rounded) return true;
  return compareTo(exact, x) !== compareTo(exact, rounded) && ulpsApart(x, rounded) === 1;
}

/** how many doubles apart a and b are (0 for equal, also +0 and −0; Infinity when either is NaN) */
export function ulpsApart(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  return Math.abs(Number(ordinal(a) - ordinal(b)));
}

const view = new DataView(new ArrayBuffer(8));
/** doubles mapped to integers in their numeric order (−0 and +0 both to 0) */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** |x − exact| in units of the last place of the correctly rounded value (normal results) */
export function ulpError(exact: Ratio, x: number): number {
  const rounded = Math.abs(roundRatio(exact));
  const exponent = Math.max(Math.floor(Math.log2(rounded)), -1022);
  const ulp = 2 ** (exponent - 52);
  const r = ratioOf(x);
  const diff = r.num * exact.den - exact.num * r.den;
  const magnitude = diff < 0n ? -diff : diff;
  return Number((magnitude << 128n) / (r.den * exact.den)) / 2 ** 128 / ulp;
}
