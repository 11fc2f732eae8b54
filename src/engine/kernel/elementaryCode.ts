// The engine's fdlibm exp, expm1, tanh and log1p (src/engine/elementary) as WebAssembly functions inside
// the kernel, so a sigmoid or tanh costs no call out to JavaScript. Each is the TS port operation
// for operation, in the same order, with the same constants (given by their bit patterns), so the
// results are the same bits: wasm's f64 arithmetic is IEEE-754 round-to-nearest with no fused
// multiply-add. fdlibm's word access (__HI, __LO, words.ts's scratch) becomes i64.reinterpret_f64
// with shifts; "add k to the exponent" adds k·2^52 to the bits, which is the TS code's
// `withHighWord(y, highWord(y) + (k << 20))` including its 32-bit wrap-around.
// test/engine/kernel/elementary.test.ts compares them with the TS functions by Object.is.

import { Locals } from './locals';
import { Code, F64, I32, OP, type FuncDef, type ValType } from './wasmWriter';

/** the double with these high and low words (fdlibm writes its constants this way) */
export function fromWords(hi: number, lo: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

const HUGE = 1.0e300;
const TWO54 = fromWords(0x43500000, 0);
/** log1p's Remez coefficients Lp1..Lp7 */
const LP = [
  fromWords(0x3fe55555, 0x55555593),
  fromWords(0x3fd99999, 0x9997fa04),
  fromWords(0x3fd24924, 0x94229359),
  fromWords(0x3fcc71c5, 0x1d8e78af),
  fromWords(0x3fc74664, 0x96cb03de),
  fromWords(0x3fc39a09, 0xd078c69f),
  fromWords(0x3fc2f112, 0xdf3e5244),
];
const TINY = 1.0e-300;
const TWO_M1000 = fromWords(0x01700000, 0);
const EXP_OVERFLOW_THRESHOLD = fromWords(0x40862e42, 0xfefa39ef);
const EXP_UNDERFLOW_THRESHOLD = fromWords(0xc0874910, 0xd52d3051);
export const LN2_HI = fromWords(0x3fe62e42, 0xfee00000);
export const LN2_LO = fromWords(0x3dea39ef, 0x35793c76);
export const INV_LN2 = fromWords(0x3ff71547, 0x652b82fe);
/** exp's Remez coefficients P1..P5 */
export const P = [fromWords(0x3fc55555, 0x5555553e), fromWords(0xbf66c16c, 0x16bebd93), fromWords(0x3f11566a, 0xaf25de2c), fromWords(0xbebbbd41, 0xc5d26bf1), fromWords(0x3e663769, 0x72bea4d0)];
/** expm1's Q1..Q5 */
export const Q = [fromWords(0xbfa11111, 0x111110f4), fromWords(0x3f5a01a0, 0x19fe5585), fromWords(0xbf14ce19, 0x9eaadbb7), fromWords(0x3ed0cfca, 0x86e65239), fromWords(0xbe8afdb7, 0x6e09c32d)];

/** function indices of the three, when they are the module's first functions (no function imports) */
export const FN_EXP = 0;
export const FN_TANH = 1;
export const FN_EXPM1 = 2;
export const FN_LOG1P = 3;

/** exp, tanh, expm1, log1p (in FN_* order): put them first in a module's funcs; `exported` for tests */
export function elementaryFuncs(exported = false): FuncDef[] {
  return [expFunction(exported), tanhFunction(exported), expm1Function(exported), log1pFunction(exported)];
}

const UNARY = { params: [F64] as ValType[], results: [F64] as ValType[] };
/** the parameter x: every function here has the one */
const X = 0;

/** a unary function's locals: x, then i32s and f64s as asked */
function unaryLocals(i32s: number, f64s: number): { locals: Locals; ints: number[]; floats: number[] } {
  const locals = new Locals(UNARY.params);
  return { locals, ints: locals.many(I32, i32s), floats: locals.many(F64, f64s) };
}

/** jx = high word of x (signed), hx = jx & 0x7fffffff */
function highWords(code: Code, jx: number, hx: number): void {
  code.get(X).op(OP.i64ReinterpretF64).i64(32).op(OP.i64ShrU).op(OP.i32WrapI64).tee(jx);
  code.i32(0x7fffffff).op(OP.i32And).set(hx);
}

/** pushes (x is NaN) given hx: ((hx & 0xfffff) | low word of x) ≠ 0, for hx ≥ 0x7ff00000 */
function isNaNWords(code: Code, hx: number): void {
  code.get(hx).i32(0xfffff).op(OP.i32And).get(X).op(OP.i64ReinterpretF64).op(OP.i32WrapI64).op(OP.i32Or);
}

/** pushes the double on the stack with k (an i32 local, plus `bias`) added to its exponent */
function addToExponent(code: Code, k: number, bias = 0): void {
  code.op(OP.i64ReinterpretF64).get(k);
  if (bias !== 0) code.i32(bias).op(OP.i32Add);
  code.op(OP.i64ExtendI32S).i64(52).op(OP.i64Shl).op(OP.i64Add).op(OP.f64ReinterpretI64);
}

/** pushes c0 + t·(c1 + t·(c2 + … + t·c4)) */
function horner(code: Code, t: number, c: number[]): void {
  code.f64c(c[0]);
  for (let i = 1; i < c.length; i++) code.get(t).f64c(c[i]);
  for (let i = 1; i < c.length; i++) code.op(OP.f64Mul).op(OP.f64Add);
}

/**
 * x = k·ln2 + (hi − lo) for |x| > 0.5·ln2, as exp.ts and expm1.ts reduce it: k = ±1 below
 * 1.5·ln2, else k = (int)(x/ln2 ± 0.5); sets k, hi, lo (negative: the sign bit of x)
 */
function reduce(code: Code, hx: number, negative: number, k: number, hi: number, lo: number): void {
  code.get(hx).i32(0x3ff0a2b2).op(OP.i32LtU).if();
  code.get(X).f64c(LN2_HI).op(OP.f64Add).get(X).f64c(LN2_HI).op(OP.f64Sub).get(negative).op(OP.select).set(hi);
  code.f64c(-LN2_LO).f64c(LN2_LO).get(negative).op(OP.select).set(lo);
  code.i32(-1).i32(1).get(negative).op(OP.select).set(k);
  code.else();
  code.f64c(INV_LN2).get(X).op(OP.f64Mul).f64c(-0.5).f64c(0.5).get(negative).op(OP.select).op(OP.f64Add).op(OP.i32TruncF64S).set(k);
  code.get(X).get(k).op(OP.f64ConvertI32S).f64c(LN2_HI).op(OP.f64Mul).op(OP.f64Sub).set(hi);
  code.get(k).op(OP.f64ConvertI32S).f64c(LN2_LO).op(OP.f64Mul).set(lo);
  code.end();
}

// exp(x): jx, hx, negative, k (i32); hi, lo, r, t, c, y (f64)
function expFunction(exported: boolean): FuncDef {
  const { locals, ints, floats } = unaryLocals(4, 6);
  const [JX, HX, NEG, K] = ints;
  const [HI, LO, R, T, C, Y] = floats;
  const code = new Code();
  highWords(code, JX, HX);
  code.get(JX).i32(0).op(OP.i32LtS).set(NEG);
  code.get(HX).i32(0x40862e42).op(OP.i32GeU).if(); // |x| ≥ 709.78…
  code.get(HX).i32(0x7ff00000).op(OP.i32GeU).if();
  isNaNWords(code, HX);
  code.if().get(X).get(X).op(OP.f64Add).ret().end(); // NaN
  code.f64c(0).get(X).get(NEG).op(OP.select).ret(); // exp(±∞) = {0, +∞}
  code.end();
  code.get(X).f64c(EXP_OVERFLOW_THRESHOLD).op(OP.f64Gt).if().f64c(HUGE).f64c(HUGE).op(OP.f64Mul).ret().end();
  code.get(X).f64c(EXP_UNDERFLOW_THRESHOLD).op(OP.f64Lt).if().f64c(TWO_M1000).f64c(TWO_M1000).op(OP.f64Mul).ret().end();
  code.end();
  code.get(X).set(R);
  code.get(HX).i32(0x3fd62e42).op(OP.i32GtU).if(); // |x| > 0.5·ln2: reduce
  reduce(code, HX, NEG, K, HI, LO);
  code.get(HI).get(LO).op(OP.f64Sub).set(R);
  code.else();
  code.get(HX).i32(0x3e300000).op(OP.i32LtU).if().f64c(1).get(X).op(OP.f64Add).ret().end(); // |x| < 2^−28
  code.end();
  code.get(R).get(R).op(OP.f64Mul).set(T);
  code.get(R).get(T);
  horner(code, T, P);
  code.op(OP.f64Mul).op(OP.f64Sub).set(C); // c = r − t·(P1 + t·(…))
  // k = 0: 1 − ((r·c)/(c − 2) − r)
  code.get(K).op(OP.i32Eqz).if();
  code.f64c(1).get(R).get(C).op(OP.f64Mul).get(C).f64c(2).op(OP.f64Sub).op(OP.f64Div).get(R).op(OP.f64Sub).op(OP.f64Sub).ret();
  code.end();
  // y = 1 − (lo − (r·c)/(2 − c) − hi)
  code.f64c(1).get(LO).get(R).get(C).op(OP.f64Mul).f64c(2).get(C).op(OP.f64Sub).op(OP.f64Div).op(OP.f64Sub).get(HI).op(OP.f64Sub).op(OP.f64Sub).set(Y);
  code.get(K).i32(-1021).op(OP.i32GeS).if().get(Y);
  addToExponent(code, K);
  code.ret().end();
  code.get(Y);
  addToExponent(code, K, 1000);
  code.f64c(TWO_M1000).op(OP.f64Mul); // subnormal result
  return { name: 'exp', type: UNARY, locals: locals.types, body: code, exported };
}

// expm1(x): jx, hx, negative, k (i32); hi, lo, r, c, hfx, hxs, r1, t, e (f64)
function expm1Function(exported: boolean): FuncDef {
  const { locals, ints, floats } = unaryLocals(4, 9);
  const [JX, HX, NEG, K] = ints;
  const [HI, LO, R, C, HFX, HXS, R1, T, E] = floats;
  const code = new Code();
  highWords(code, JX, HX);
  code.get(JX).i32(0).op(OP.i32LtS).set(NEG);
  code.get(HX).i32(0x4043687a).op(OP.i32GeU).if(); // |x| ≥ 56·ln2
  code.get(HX).i32(0x40862e42).op(OP.i32GeU).if(); // |x| ≥ 709.78…
  code.get(HX).i32(0x7ff00000).op(OP.i32GeU).if();
  isNaNWords(code, HX);
  code.if().get(X).get(X).op(OP.f64Add).ret().end(); // NaN
  code.f64c(-1).get(X).get(NEG).op(OP.select).ret(); // expm1(±∞) = {−1, +∞}
  code.end();
  code.get(X).f64c(EXP_OVERFLOW_THRESHOLD).op(OP.f64Gt).if().f64c(HUGE).f64c(HUGE).op(OP.f64Mul).ret().end();
  code.end();
  code.get(NEG).if().f64c(TINY).f64c(1).op(OP.f64Sub).ret().end(); // −1
  code.end();
  code.get(X).set(R);
  code.get(HX).i32(0x3fd62e42).op(OP.i32GtU).if(); // |x| > 0.5·ln2: reduce
  reduce(code, HX, NEG, K, HI, LO);
  code.get(HI).get(LO).op(OP.f64Sub).set(R);
  code.get(HI).get(R).op(OP.f64Sub).get(LO).op(OP.f64Sub).set(C); // c = hi − r − lo
  code.else();
  code.get(HX).i32(0x3c900000).op(OP.i32LtU).if().get(X).ret().end(); // |x| < 2^−54
  code.end();
  code.f64c(0.5).get(R).op(OP.f64Mul).set(HFX);
  code.get(R).get(HFX).op(OP.f64Mul).set(HXS);
  code.f64c(1).get(HXS);
  horner(code, HXS, Q);
  code.op(OP.f64Mul).op(OP.f64Add).set(R1); // r1 = 1 + hxs·(Q1 + hxs·(…))
  code.f64c(3).get(R1).get(HFX).op(OP.f64Mul).op(OP.f64Sub).set(T);
  // e = hxs·((r1 − t)/(6 − r·t))
  code.get(HXS).get(R1).get(T).op(OP.f64Sub).f64c(6).get(R).get(T).op(OP.f64Mul).op(OP.f64Sub).op(OP.f64Div).op(OP.f64Mul).set(E);
  code.get(K).op(OP.i32Eqz).if(); // r − (r·e − hxs)
  code.get(R).get(R).get(E).op(OP.f64Mul).get(HXS).op(OP.f64Sub).op(OP.f64Sub).ret();
  code.end();
  code.get(R).get(E).get(C).op(OP.f64Sub).op(OP.f64Mul).get(C).op(OP.f64Sub).set(E); // e = r·(e − c) − c
  code.get(E).get(HXS).op(OP.f64Sub).set(E); // e −= hxs
  scaleBack(code, K, R, E, T);
  return { name: 'expm1', type: UNARY, locals: locals.types, body: code, exported };
}

/** expm1.ts's scaleBack: returns 2^k·(1 + r − e) − 1 for k ≠ 0 (t: an f64 scratch local) */
function scaleBack(code: Code, k: number, r: number, e: number, t: number): void {
  code.get(k).i32(-1).op(OP.i32Eq).if(); // 0.5·(r − e) − 0.5
  code.f64c(0.5).get(r).get(e).op(OP.f64Sub).op(OP.f64Mul).f64c(0.5).op(OP.f64Sub).ret();
  code.end();
  code.get(k).i32(1).op(OP.i32Eq).if();
  code.get(r).f64c(-0.25).op(OP.f64Lt).if(); // −2·(e − (r + 0.5))
  code.f64c(-2).get(e).get(r).f64c(0.5).op(OP.f64Add).op(OP.f64Sub).op(OP.f64Mul).ret();
  code.end();
  code.f64c(1).f64c(2).get(r).get(e).op(OP.f64Sub).op(OP.f64Mul).op(OP.f64Add).ret(); // 1 + 2·(r − e)
  code.end();
  code.get(k).i32(-2).op(OP.i32LeS).get(k).i32(56).op(OP.i32GtS).op(OP.i32Or).if(); // 2^k·(1 − (e − r)) − 1
  code.f64c(1).get(e).get(r).op(OP.f64Sub).op(OP.f64Sub);
  addToExponent(code, k);
  code.f64c(1).op(OP.f64Sub).ret();
  code.end();
  code.get(k).i32(20).op(OP.i32LtS).if(); // t = 1 − 2^−k; 2^k·(t − (e − r))
  code.i32(0x3ff00000).i32(0x200000).get(k).op(OP.i32ShrS).op(OP.i32Sub);
  code.op(OP.i64ExtendI32U).i64(32).op(OP.i64Shl).op(OP.f64ReinterpretI64).set(t);
  code.get(t).get(e).get(r).op(OP.f64Sub).op(OP.f64Sub);
  addToExponent(code, k);
  code.ret();
  code.end();
  // t = 2^−k; 2^k·(r − (e + t) + 1)
  code.i32(0x3ff).get(k).op(OP.i32Sub).op(OP.i64ExtendI32U).i64(52).op(OP.i64Shl).op(OP.f64ReinterpretI64).set(t);
  code.get(r).get(e).get(t).op(OP.f64Add).op(OP.f64Sub).f64c(1).op(OP.f64Add);
  addToExponent(code, k);
}

// tanh(x): jx, ix (i32); z, t, ax (f64)
function tanhFunction(exported: boolean): FuncDef {
  const { locals, ints, floats } = unaryLocals(2, 3);
  const [JX, IX] = ints;
  const [Z, T, AX] = floats;
  const code = new Code();
  highWords(code, JX, IX);
  code.get(IX).i32(0x7ff00000).op(OP.i32GeU).if(); // tanh(±∞) = ±1, tanh(NaN) = NaN
  code.f64c(1).get(X).op(OP.f64Div).f64c(1).op(OP.f64Add);
  code.f64c(1).get(X).op(OP.f64Div).f64c(1).op(OP.f64Sub);
  code.get(JX).i32(0).op(OP.i32GeS).op(OP.select).ret();
  code.end();
  code.get(IX).i32(0x40360000).op(OP.i32LtU).if(); // |x| < 22
  code.get(IX).i32(0x3e300000).op(OP.i32LtU).if().get(X).ret().end(); // |x| < 2^−28: x
  code.get(X).op(OP.f64Abs).set(AX);
  code.get(IX).i32(0x3ff00000).op(OP.i32GeU).if(); // |x| ≥ 1: 1 − 2/(expm1(2|x|) + 2)
  code.f64c(1).f64c(2).f64c(2).get(AX).op(OP.f64Mul).call(FN_EXPM1).f64c(2).op(OP.f64Add).op(OP.f64Div).op(OP.f64Sub).set(Z);
  code.else(); // t = expm1(−2|x|); −t/(t + 2)
  code.f64c(-2).get(AX).op(OP.f64Mul).call(FN_EXPM1).set(T);
  code.get(T).op(OP.f64Neg).get(T).f64c(2).op(OP.f64Add).op(OP.f64Div).set(Z);
  code.end();
  code.else();
  code.f64c(1).f64c(TINY).op(OP.f64Sub).set(Z); // |x| ≥ 22: ±1
  code.end();
  code.get(Z).get(Z).op(OP.f64Neg).get(JX).i32(0).op(OP.i32GeS).op(OP.select);
  return { name: 'tanh', type: UNARY, locals: locals.types, body: code, exported };
}

/** pushes the high word (signed) of the f64 local v */
function highWordOf(code: Code, v: number): void {
  code.get(v).op(OP.i64ReinterpretF64).i64(32).op(OP.i64ShrU).op(OP.i32WrapI64);
}

/** local v = v with its high word replaced by the i32 on the stack (words.ts's withHighWord) */
function setHighWord(code: Code, v: number, scratch: number): void {
  code.set(scratch);
  code.get(v).op(OP.i64ReinterpretF64).op(OP.i32WrapI64).op(OP.i64ExtendI32U); // the low word
  code.get(scratch).op(OP.i64ExtendI32U).i64(32).op(OP.i64Shl).op(OP.i64Or).op(OP.f64ReinterpretI64).set(v);
}

/** pushes the i32 local k as a double times the constant c */
function kTimes(code: Code, k: number, c: number): void {
  code.get(k).op(OP.f64ConvertI32S).f64c(c).op(OP.f64Mul);
}

// log1p(x), log1p.ts operation for operation: hx, ax, k, hu, scratch (i32); f, c, u, hfsq, s, z, r (f64)
function log1pFunction(exported: boolean): FuncDef {
  const { locals, ints, floats } = unaryLocals(5, 7);
  const [HX, AX, K, HU, W] = ints;
  const [F, C, U, HFSQ, S, Z, R] = floats;
  const code = new Code();
  highWords(code, HX, AX);
  code.i32(1).set(K);
  code.get(HX).i32(0x3fda827a).op(OP.i32LtS).if(); // 1 + x < √2
  code.get(AX).i32(0x3ff00000).op(OP.i32GeU).if(); // x ≤ −1
  code.get(X).f64c(-1).op(OP.f64Eq).if().f64c(-TWO54).f64c(0).op(OP.f64Div).ret().end(); // −∞
  code.get(X).get(X).op(OP.f64Sub).get(X).get(X).op(OP.f64Sub).op(OP.f64Div).ret(); // NaN
  code.end();
  code.get(AX).i32(0x3e200000).op(OP.i32LtU).if(); // |x| < 2^−29
  code.get(AX).i32(0x3c900000).op(OP.i32LtU).if().get(X).ret().end();
  code.get(X).get(X).get(X).op(OP.f64Mul).f64c(0.5).op(OP.f64Mul).op(OP.f64Sub).ret();
  code.end();
  code.get(HX).i32(0).op(OP.i32GtS).get(HX).i32(0xbfd2bec4 | 0).op(OP.i32LeS).op(OP.i32Or).if(); // no reduction
  code.i32(0).set(K).get(X).set(F).i32(1).set(HU);
  code.end();
  code.end();
  code.get(HX).i32(0x7ff00000).op(OP.i32GeS).if().get(X).get(X).op(OP.f64Add).ret().end(); // +∞ or NaN
  code.get(K).if();
  code.get(HX).i32(0x43400000).op(OP.i32LtS).if();
  code.f64c(1).get(X).op(OP.f64Add).set(U);
  highWordOf(code, U);
  code.tee(HU).i32(20).op(OP.i32ShrS).i32(1023).op(OP.i32Sub).set(K);
  // c = (k > 0 ? 1 − (u − x) : x − (u − 1)) / u
  code.f64c(1).get(U).get(X).op(OP.f64Sub).op(OP.f64Sub);
  code.get(X).get(U).f64c(1).op(OP.f64Sub).op(OP.f64Sub);
  code.get(K).i32(0).op(OP.i32GtS).op(OP.select).get(U).op(OP.f64Div).set(C);
  code.else();
  code.get(X).set(U);
  highWordOf(code, U);
  code.tee(HU).i32(20).op(OP.i32ShrS).i32(1023).op(OP.i32Sub).set(K);
  code.f64c(0).set(C);
  code.end();
  code.get(HU).i32(0x000fffff).op(OP.i32And).set(HU);
  code.get(HU).i32(0x6a09e).op(OP.i32LtS).if();
  code.get(HU).i32(0x3ff00000).op(OP.i32Or);
  setHighWord(code, U, W); // u in [1, √2)
  code.else();
  code.get(K).i32(1).op(OP.i32Add).set(K);
  code.get(HU).i32(0x3fe00000).op(OP.i32Or);
  setHighWord(code, U, W); // u/2 in [√2/2, 1)
  code.i32(0x00100000).get(HU).op(OP.i32Sub).i32(2).op(OP.i32ShrS).set(HU);
  code.end();
  code.get(U).f64c(1).op(OP.f64Sub).set(F);
  code.end();
  code.f64c(0.5).get(F).op(OP.f64Mul).get(F).op(OP.f64Mul).set(HFSQ);
  code.get(HU).op(OP.i32Eqz).if(); // |f| < 2^−20
  code.get(F).f64c(0).op(OP.f64Eq).if();
  code.get(K).op(OP.i32Eqz).if().f64c(0).ret().end();
  code.get(C);
  kTimes(code, K, LN2_LO);
  code.op(OP.f64Add).set(C);
  kTimes(code, K, LN2_HI);
  code.get(C).op(OP.f64Add).ret();
  code.end();
  code.get(HFSQ).f64c(1).f64c(0.6666666666666666).get(F).op(OP.f64Mul).op(OP.f64Sub).op(OP.f64Mul).set(R);
  code.get(K).op(OP.i32Eqz).if().get(F).get(R).op(OP.f64Sub).ret().end();
  kTimes(code, K, LN2_HI); // k·ln2_hi − (r − (k·ln2_lo + c) − f)
  code.get(R);
  kTimes(code, K, LN2_LO);
  code.get(C).op(OP.f64Add).op(OP.f64Sub).get(F).op(OP.f64Sub).op(OP.f64Sub).ret();
  code.end();
  code.get(F).f64c(2).get(F).op(OP.f64Add).op(OP.f64Div).set(S);
  code.get(S).get(S).op(OP.f64Mul).set(Z);
  code.get(Z);
  horner(code, Z, LP);
  code.op(OP.f64Mul).set(R); // r = z·(Lp1 + z·(…))
  code.get(K).op(OP.i32Eqz).if(); // f − (hfsq − s·(hfsq + r))
  code.get(F).get(HFSQ).get(S).get(HFSQ).get(R).op(OP.f64Add).op(OP.f64Mul).op(OP.f64Sub).op(OP.f64Sub).ret();
  code.end();
  // k·ln2_hi − ((hfsq − (s·(hfsq + r) + (k·ln2_lo + c))) − f)
  kTimes(code, K, LN2_HI);
  code.get(HFSQ).get(S).get(HFSQ).get(R).op(OP.f64Add).op(OP.f64Mul);
  kTimes(code, K, LN2_LO);
  code.get(C).op(OP.f64Add).op(OP.f64Add).op(OP.f64Sub).get(F).op(OP.f64Sub).op(OP.f64Sub);
  return { name: 'log1p', type: UNARY, locals: locals.types, body: code, exported };
}
