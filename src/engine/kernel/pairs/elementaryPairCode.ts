// exp and tanh on both lanes of f64x2 values, as straight-line code for the kernel to inline: each
// lane gets exactly the double the scalar functions (elementaryCode.ts, the engine's fdlibm ports)
// return. Over the range a map's sums live in, fdlibm's branches become lane selects: every path a
// lane might take is computed for both lanes, each lane keeps its own, and every value kept is the
// scalar code's operations on the same operands, in the same order (f64x2 arithmetic is IEEE
// lane by lane). Lanes outside that range (NaN, ±∞, exp's overflow or subnormal results) clear
// their bits of an `ok` mask: the caller redoes that work with the scalar functions.
//
// The code handles several independent values ("ways") at once, each step emitted for all of
// them in turn, so the CPU overlaps their chains of dependent operations. Its constants sit in
// v128 locals loaded once from memory (PAIR_CONSTANTS, a data segment): V8 folds v128.const
// locals back into constants and builds one at every use, from immediates, in three instructions.
// test/engine/kernel/elementaryPair.test.ts compares both with the engine's functions by Object.is.

import { FN_EXP, FN_TANH, INV_LN2, LN2_HI, LN2_LO, P, Q, fromWords } from '../elementaryCode';
import { Locals } from '../locals';
import { Code, OP, SIMD, V128, type FuncDef } from '../wasmWriter';

/** |x| < this in both lanes takes exp's vector path: k ≥ −1021 (2^k·y normal), far below exp's overflow check */
const EXP_LIMIT = 708;
/** exp and expm1 reduce when hx > 0x3fd62e42, i.e. |x| ≥ this */
const REDUCE_FROM = fromWords(0x3fd62e43, 0);
/** 2^−28 (hx < 0x3e300000): below it exp(x) = 1 + x and tanh(x) = x */
const TINY_BELOW = fromWords(0x3e300000, 0);
/** tanh(x) = ±1 from here (hx ≥ 0x40360000) */
const TANH_ONE_FROM = fromWords(0x40360000, 0);
/** the sign bit of a double (as a double: −0) */
const SIGN_BIT = -0;
/** 1.5·2^52: for an integer k of magnitude < 2^51 the bits of k + this are its own bits plus k, and they end in 52 zeros, so (bits << 52) = k·2^52 */
const SHIFTER = 1.5 * 2 ** 52;

const PAIR_CONSTANTS: readonly number[] = [
  ...[EXP_LIMIT, REDUCE_FROM, TINY_BELOW, TANH_ONE_FROM, SIGN_BIT, SHIFTER, Infinity],
  ...[INV_LN2, LN2_HI, LN2_LO, ...P, ...Q],
  ...[0.5, 1, 2, -2, 3, 6, -1, 20, 56, 1023],
];

/** bytes of the constants in memory */
export const PAIR_CONSTANT_BYTES = 8 * PAIR_CONSTANTS.length;

/** the constants as little-endian bytes: the data segment emitPairConstantsSetup reads */
export function pairConstantBytes(): Uint8Array {
  const view = new DataView(new ArrayBuffer(PAIR_CONSTANT_BYTES));
  PAIR_CONSTANTS.forEach((v, i) => view.setFloat64(8 * i, v, true));
  return new Uint8Array(view.buffer);
}

/** where the code finds its v128 locals */
export interface PairLocals {
  /** one per constant, set by emitPairConstantsSetup */
  constants: number[];
  /** PAIR_SCRATCH locals per way */
  scratch: number[][];
  /** the mask of the lanes the code could do, and-ed into */
  ok: number;
}

/** the v128 locals of the code for `ways` ways at once */
export function pairLocals(locals: Locals, ways: number): PairLocals {
  return {
    ok: locals.v128(),
    constants: locals.many(V128, PAIR_CONSTANTS.length),
    scratch: Array.from({ length: ways }, () => locals.many(V128, PAIR_SCRATCH)),
  };
}

/** sets the constant locals from pairConstantBytes() at byte `address` (once, before the code that uses them) */
export function emitPairConstantsSetup(code: Code, l: PairLocals, address: number): void {
  l.constants.forEach((local, i) => code.i32(0).loadSplat(address + 8 * i).set(local));
}

/** pushes (v, v) for one of the constants */
export function pairConstant(code: Code, l: PairLocals, v: number): Code {
  const i = PAIR_CONSTANTS.findIndex((c) => Object.is(c, v));
  if (i < 0) throw new Error(`${v} is not among the f64x2 constants`);
  return code.get(l.constants[i]);
}

const SCRATCH_NAMES = ['ax', 'a', 'aa', 'k', 'hi', 'lo', 'r', 'c', 'hfx', 'hxs', 'r1', 't', 'e', 'e3', 'p', 'kb', 'm', 'q', 'z', 'signed'] as const;

/** v128 scratch locals per way */
const PAIR_SCRATCH = SCRATCH_NAMES.length;

/** one way's locals by name: its argument x, its result, and scratch (a: the argument reduced, aa = |a|) */
type Way = Record<'x' | 'result' | (typeof SCRATCH_NAMES)[number], number>;

/** emits one step of the code for every way in turn (each step leaves nothing on the stack) */
type Each = (step: (w: Way) => void) => void;

/** the ways' locals; `a` is x itself unless the caller reduces another argument */
function ways(xs: number[], results: number[], l: PairLocals): Each {
  const all = xs.map((x, u) => {
    const w = { x, result: results[u] } as Way;
    SCRATCH_NAMES.forEach((name, i) => (w[name] = l.scratch[u][i]));
    return w;
  });
  return (step) => all.forEach(step);
}

/**
 * the reduction exp.ts and expm1.ts share, of w.a with w.aa = |a|: k = 0 for |a| ≤ ½ln2, else
 * (int)(a/ln2 ± 0.5) (they take k = ±1 by sign below 1.5·ln2 instead, which is the same k there:
 * |a|/ln2 + 0.5 lies in (1, 2) for hx in [0x3fd62e43, 0x3ff0a2b2)); hi = a − k·ln2hi (a ∓ ln2hi for
 * k = ±1, a for k = 0), lo = k·ln2lo, r = hi − lo (= a for k = 0)
 */
function emitReduce(code: Code, l: PairLocals, each: Each): void {
  const c = (v: number) => pairConstant(code, l, v);
  each((w) => {
    c(INV_LN2).get(w.a).simd(SIMD.f64x2Mul);
    c(0.5).get(w.a);
    c(SIGN_BIT).simd(SIMD.v128And).simd(SIMD.v128Or); // ±0.5 with the sign of a
    code.simd(SIMD.f64x2Add).simd(SIMD.f64x2Trunc); // (double)(int)t for |t| < 2^31
    code.get(w.aa);
    c(REDUCE_FROM).simd(SIMD.f64x2Ge).simd(SIMD.v128And).set(w.k);
  });
  each((w) => {
    code.get(w.a).get(w.k);
    c(LN2_HI).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).set(w.hi);
  });
  each((w) => {
    code.get(w.k);
    c(LN2_LO).simd(SIMD.f64x2Mul).set(w.lo);
  });
  each((w) => code.get(w.hi).get(w.lo).simd(SIMD.f64x2Sub).set(w.r));
}

/** acc = coefficients[0] + t·(coefficients[1] + t·(…)), innermost first as horner() computes it, into each way's `into` */
function emitHorner(code: Code, l: PairLocals, each: Each, t: keyof Way, into: keyof Way, coefficients: number[]): void {
  each((w) => pairConstant(code, l, coefficients[coefficients.length - 1]).set(w[into]));
  for (let i = coefficients.length - 2; i >= 0; i--) {
    each((w) => pairConstant(code, l, coefficients[i]).get(w[t]).get(w[into]).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(w[into]));
  }
}

/** multiplies the f64x2 on the stack by 2^k, given local kb = k·2^52: adds it to the bits, as addToExponent */
function scaled(code: Code, kb: number): void {
  code.get(kb).simd(SIMD.i64x2Add);
}

/** local kb = k·2^52 (i64 lanes) for the integral f64 lanes of local k: the bits of k + 1.5·2^52, shifted */
function emitExponentBits(code: Code, l: PairLocals, k: number, kb: number): void {
  code.get(k);
  pairConstant(code, l, SHIFTER).simd(SIMD.f64x2Add).i32(52).simd(SIMD.i64x2Shl).set(kb);
}

/**
 * results[u] = e^x for each v128 local xs[u], exp's doubles where |x| < 708 (in the rest the lanes
 * clear ok)
 */
export function emitExpPairs(code: Code, xs: number[], results: number[], l: PairLocals): void {
  const each = ways(xs, results, l);
  const c = (v: number) => pairConstant(code, l, v);
  each((w) => {
    code.get(l.ok).get(w.x).simd(SIMD.f64x2Abs).tee(w.ax);
    c(EXP_LIMIT).simd(SIMD.f64x2Lt).simd(SIMD.v128And).set(l.ok);
  });
  each((w) => {
    w.a = w.x; // reduce x itself
    w.aa = w.ax;
  });
  emitReduce(code, l, each);
  each((w) => code.get(w.r).get(w.r).simd(SIMD.f64x2Mul).set(w.t)); // t = r²
  emitHorner(code, l, each, 't', 'c', P);
  each((w) => code.get(w.r).get(w.t).get(w.c).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).set(w.c)); // c = r − t·(P1 + t·(…))
  each((w) => {
    code.get(w.r).get(w.c).simd(SIMD.f64x2Mul);
    c(2).get(w.c).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Div).set(w.q); // q = (r·c)/(2 − c)
  });
  each((w) => emitExponentBits(code, l, w.k, w.kb));
  each((w) => {
    // |x| < 2^−28: 1 + x
    c(1).get(w.x).simd(SIMD.f64x2Add);
    // k = 0: 1 − ((r·c)/(c − 2) − r), where (r·c)/(c − 2) is −q exactly (rounding is symmetric in sign)
    c(1).get(w.q).simd(SIMD.f64x2Neg).get(w.r).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Sub);
    // else 2^k·(1 − (lo − q − hi))
    c(1).get(w.lo).get(w.q).simd(SIMD.f64x2Sub).get(w.hi).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Sub);
    scaled(code, w.kb);
    code.get(w.ax);
    c(REDUCE_FROM).simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect);
    code.get(w.ax);
    c(TINY_BELOW).simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect).set(w.result);
  });
}

/**
 * results[u] = tanh x for each v128 local xs[u], tanh's doubles where x is finite (NaN and ±∞
 * clear ok). tanh.ts: x for |x| < 2^−28; 1 − 2/(expm1(2|x|) + 2) for 1 ≤ |x| < 22, with
 * t = expm1(−2|x|), −t/(t + 2) below; 1 from 22; the sign of x. expm1 as expm1.ts, over the
 * arguments tanh gives it: a in [−2, −2^−27] or [2, 44), so k = 0, −1, −2, −3 or 3 … 63 (never 1).
 */
export function emitTanhPairs(code: Code, xs: number[], results: number[], l: PairLocals): void {
  const each = ways(xs, results, l);
  const c = (v: number) => pairConstant(code, l, v);
  each((w) => {
    code.get(l.ok).get(w.x).simd(SIMD.f64x2Abs).tee(w.ax);
    c(Infinity).simd(SIMD.f64x2Lt).simd(SIMD.v128And).set(l.ok);
  });
  // a = ±2|x| (2|x| from |x| ≥ 1), exactly as 2·|x| and −2·|x|
  each((w) => {
    c(2);
    c(-2).get(w.ax);
    c(1).simd(SIMD.f64x2Ge).simd(SIMD.v128Bitselect).get(w.ax).simd(SIMD.f64x2Mul).tee(w.a).simd(SIMD.f64x2Abs).set(w.aa);
  });
  emitReduce(code, l, each);
  each((w) => code.get(w.hi).get(w.r).simd(SIMD.f64x2Sub).get(w.lo).simd(SIMD.f64x2Sub).set(w.c)); // c = hi − r − lo
  each((w) => {
    c(0.5).get(w.r).simd(SIMD.f64x2Mul).tee(w.hfx); // hfx = 0.5·r, hxs = r·hfx (as hfx·r: the same product)
    code.get(w.r).simd(SIMD.f64x2Mul).set(w.hxs);
  });
  emitHorner(code, l, each, 'hxs', 'r1', Q);
  each((w) => c(1).get(w.hxs).get(w.r1).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(w.r1)); // r1 = 1 + hxs·(Q1 + hxs·(…))
  each((w) => c(3).get(w.r1).get(w.hfx).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).set(w.t)); // t = 3 − r1·hfx
  each((w) => {
    // e = hxs·((r1 − t)/(6 − r·t))
    code.get(w.hxs).get(w.r1).get(w.t).simd(SIMD.f64x2Sub);
    c(6).get(w.r).get(w.t).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Div).simd(SIMD.f64x2Mul).set(w.e);
  });
  // k ≠ 0: e = r·(e − c) − c − hxs
  each((w) => code.get(w.r).get(w.e).get(w.c).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Mul).get(w.c).simd(SIMD.f64x2Sub).get(w.hxs).simd(SIMD.f64x2Sub).set(w.e3));
  // p = 2^−k (bits (1023 − k)·2^52), then k·2^52
  each((w) => {
    c(1023).get(w.k).simd(SIMD.f64x2Sub);
    c(SHIFTER).simd(SIMD.f64x2Add).i32(52).simd(SIMD.i64x2Shl).set(w.p);
  });
  each((w) => emitExponentBits(code, l, w.k, w.kb));
  // expm1 by k (expm1.ts's scaleBack) into m, each case replacing the lanes of its k:
  // 20 ≤ k ≤ 56: 2^k·(r − (e + 2^−k) + 1)
  each((w) => {
    code.get(w.r).get(w.e3).get(w.p).simd(SIMD.f64x2Add).simd(SIMD.f64x2Sub);
    c(1).simd(SIMD.f64x2Add);
    scaled(code, w.kb);
    code.set(w.m);
  });
  // k < 20: 2^k·((1 − 2^−k) − (e − r))
  each((w) => {
    c(1).get(w.p).simd(SIMD.f64x2Sub).get(w.e3).get(w.r).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Sub);
    scaled(code, w.kb);
    code.get(w.m).get(w.k);
    c(20).simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect).set(w.m);
  });
  // k ≤ −2 or k > 56: 2^k·(1 − (e − r)) − 1
  each((w) => {
    c(1).get(w.e3).get(w.r).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Sub);
    scaled(code, w.kb);
    c(1).simd(SIMD.f64x2Sub).get(w.m).get(w.k);
    c(-2).simd(SIMD.f64x2Le).get(w.k);
    c(56).simd(SIMD.f64x2Gt).simd(SIMD.v128Or).simd(SIMD.v128Bitselect).set(w.m);
  });
  // k = −1: 0.5·(r − e) − 0.5
  each((w) => {
    c(0.5).get(w.r).get(w.e3).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Mul);
    c(0.5).simd(SIMD.f64x2Sub).get(w.m).get(w.k);
    c(-1).simd(SIMD.f64x2Eq).simd(SIMD.v128Bitselect).set(w.m);
  });
  // k = 0: r − (r·e − hxs), with e before its k ≠ 0 correction
  each((w) => {
    code.get(w.r).get(w.r).get(w.e).simd(SIMD.f64x2Mul).get(w.hxs).simd(SIMD.f64x2Sub).simd(SIMD.f64x2Sub);
    code.get(w.m).get(w.aa);
    c(REDUCE_FROM).simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect).set(w.m);
  });
  // tanh, with m = expm1(a): q = (|x| ≥ 1 ? 2 : −m)/(m + 2); z = |x| ≥ 1 ? 1 − q : q
  each((w) => {
    c(2).get(w.m).simd(SIMD.f64x2Neg).get(w.ax);
    c(1).simd(SIMD.f64x2Ge).simd(SIMD.v128Bitselect).get(w.m);
    c(2).simd(SIMD.f64x2Add).simd(SIMD.f64x2Div).set(w.q);
  });
  each((w) => {
    c(1).get(w.q).simd(SIMD.f64x2Sub).get(w.q).get(w.ax);
    c(1).simd(SIMD.f64x2Ge).simd(SIMD.v128Bitselect).set(w.z);
  });
  // 1 from |x| ≥ 22; then the sign of x (z ≥ 0: −z flips the sign bit)
  each((w) => {
    c(1).get(w.z).get(w.ax);
    c(TANH_ONE_FROM).simd(SIMD.f64x2Ge).simd(SIMD.v128Bitselect).get(w.x);
    c(SIGN_BIT).simd(SIMD.v128And).simd(SIMD.v128Xor).set(w.signed);
  });
  // x itself below 2^−28
  each((w) => {
    code.get(w.x).get(w.signed).get(w.ax);
    c(TINY_BELOW).simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect).set(w.result);
  });
}

/** pushes the v128 local's lanes through a scalar function fn: (fn(v₀), fn(v₁)) */
function lanewise(code: Code, v: number, fn: number): void {
  code.get(v).lane(SIMD.f64x2ExtractLane, 0).call(fn).simd(SIMD.f64x2Splat);
  code.get(v).lane(SIMD.f64x2ExtractLane, 1).call(fn).lane(SIMD.f64x2ReplaceLane, 1);
}

/**
 * a function v128 → v128 of one of the above, with the scalar function for both lanes where one
 * is out of its range; its constants at byte `constants` (pairConstantBytes). The kernel inlines
 * the code instead; tests call these.
 */
export function pairFunction(name: 'expPair' | 'tanhPair', constants: number, exported = false): FuncDef {
  const locals = new Locals([V128]);
  const x = locals.param(0);
  const result = locals.v128();
  const l = pairLocals(locals, 1);
  const code = new Code();
  emitPairConstantsSetup(code, l, constants);
  code.onesV().set(l.ok);
  (name === 'expPair' ? emitExpPairs : emitTanhPairs)(code, [x], [result], l);
  code.get(l.ok).simd(SIMD.i64x2AllTrue).op(OP.i32Eqz).if();
  lanewise(code, x, name === 'expPair' ? FN_EXP : FN_TANH);
  code.set(result).end().get(result);
  return { name, type: { params: [V128], results: [V128] }, locals: locals.types, body: code, exported };
}
