// The two 32-bit words of an IEEE-754 double, as fdlibm's __HI(x) and __LO(x) read and write them,
// through one shared 8-byte scratch (a Float64Array and an Int32Array over the same buffer).

const scratch = new ArrayBuffer(8);
const f64 = new Float64Array(scratch);
const i32 = new Int32Array(scratch);
/** index of the high (sign/exponent) word in i32: 1 on little-endian hosts, 0 on big-endian ones */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** the high word of x (sign, 11 exponent bits, top 20 fraction bits) as a signed int32 */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

/** the low word of x (bottom 32 fraction bits) as a signed int32 */
export function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO];
}

/** x with its high word replaced by hi (the low word kept) */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

/** the double whose high word is hi and low word is lo */
export function fromWords(hi: number, lo: number): number {
  i32[HI] = hi;
  i32[LO] = lo;
  return f64[0];
}
