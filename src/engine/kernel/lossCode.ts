// The cross-entropy loss in the kernel (docs/graph-format.md, "Loss"; src/engine/softmax.ts,
// loss.ts): softmax outputs from their s, and E_i for one sigmoid output or for softmax outputs,
// as wasm instructions on f64 locals both strategies fill. Same operations in the same order as
// the engine: the same doubles.

import { LOSS_SQUARED, type Net } from '../compile';
import type { Locals } from './locals';
import { FN_EXP, FN_LOG1P } from './elementaryCode';
import { F64, I32, OP, type Code } from './wasmWriter';

/** the net's loss is cross-entropy (∂E/∂s = h − y at the outputs) */
export const crossEntropy = (net: Net): boolean => net.loss !== LOSS_SQUARED && net.numOutputs > 0;

/** f64s predict writes per point: h_o, and for cross-entropy s_o after them (evaluate's loss reads s) */
export const predictStride = (net: Net, yStride: number): number => (crossEntropy(net) ? 2 * net.numOutputs : yStride);

/** f64 locals per output: s_o, e^{s_o − M}, h_o; M, T, log1p(T) and scratch; i32 a (the first output with s_a = M) */
export interface OutputLocals {
  s: number[];
  e: number[];
  h: number[];
  max: number;
  rest: number;
  log: number;
  tmp: number;
  a: number;
}

export function outputLocals(locals: Locals, m: number): OutputLocals {
  const [max, rest, log, tmp] = locals.many(F64, 4);
  return { s: locals.many(F64, m), e: locals.many(F64, m), h: locals.many(F64, m), max, rest, log, tmp, a: locals.many(I32, 1)[0] };
}

/**
 * h_o = e^{s_o − M} / (1 + T) (h_a = 1 / (1 + T)), M = s_a the first largest s, T = Σ_{o≠a} e^{s_o − M}
 * in output order (adding +0 at o = a changes no sum: T never is −0); log = log1p(T)
 */
export function emitSoftmax(code: Code, L: OutputLocals): void {
  const m = L.s.length;
  code.i32(0).set(L.a).get(L.s[0]).set(L.max);
  for (let o = 1; o < m; o++) {
    code.i32(o).get(L.a).get(L.s[o]).get(L.max).op(OP.f64Gt).op(OP.select).set(L.a);
    code.get(L.s[o]).get(L.max).get(L.s[o]).get(L.max).op(OP.f64Gt).op(OP.select).set(L.max);
  }
  code.f64c(0).set(L.rest);
  for (let o = 0; o < m; o++) {
    code.get(L.s[o]).get(L.max).op(OP.f64Sub).call(FN_EXP).set(L.e[o]);
    code.get(L.rest).f64c(0).get(L.e[o]).get(L.a).i32(o).op(OP.i32Eq).op(OP.select).op(OP.f64Add).set(L.rest);
  }
  code.f64c(1).get(L.rest).op(OP.f64Add).set(L.tmp); // 1 + T
  for (let o = 0; o < m; o++) code.f64c(1).get(L.e[o]).get(L.a).i32(o).op(OP.i32Eq).op(OP.select).get(L.tmp).op(OP.f64Div).set(L.h[o]);
  code.get(L.rest).call(FN_LOG1P).set(L.log);
}

/** pushes softplus(local x) = (x > 0 ? x : 0) + log1p(e^−|x|) */
function emitSoftplus(code: Code, x: number): void {
  code.get(x).f64c(0).get(x).f64c(0).op(OP.f64Gt).op(OP.select);
  code.get(x).op(OP.f64Abs).op(OP.f64Neg).call(FN_EXP).call(FN_LOG1P).op(OP.f64Add);
}

/** pushes E_i = y · softplus(−s) + (1 − y) · softplus(s) of the one output (y at yb) */
export function emitBinaryCrossEntropy(code: Code, L: OutputLocals, yb: number): void {
  code.get(L.s[0]).op(OP.f64Neg).set(L.tmp);
  code.get(yb).load(0);
  emitSoftplus(code, L.tmp);
  code.op(OP.f64Mul);
  code.f64c(1).get(yb).load(0).op(OP.f64Sub);
  emitSoftplus(code, L.s[0]);
  code.op(OP.f64Mul).op(OP.f64Add);
}

/** pushes E_i = Σ_o y_o · (log1p(T) − (s_o − M)), from 0 */
export function emitSoftmaxCrossEntropy(code: Code, L: OutputLocals, yb: number): void {
  code.f64c(0);
  for (let o = 0; o < L.s.length; o++) {
    code.get(yb).load(8 * o).get(L.log).get(L.s[o]).get(L.max).op(OP.f64Sub).op(OP.f64Sub).op(OP.f64Mul).op(OP.f64Add);
  }
}
