// The divergence check in the kernel, after every update, at the cost of a few operations per node
// rather than per weight (src/engine/divergence.ts is the definition; the weights are the same).
//
// Checking every weight after every example cost 20–30 % of the unrolled kernel's speed on the
// larger nets (its code is limited by instruction fetch: docs/performance.md), and so did a scan
// inside the example loop, or a call out of it, even rarely taken. So the kernel keeps an upper
// bound of max_e |w_e| instead: an update w − η·δ_k·z_j moves no weight by more than
// |η|·Σ_k|δ_k|·Σ_j|z_j| (sums over the example's ∂E_i/∂s and z, added where they are computed), so
// after each update `bound += |η|·Σ|δ|·Σ|z|`. While the bound stays ≤ SCAN_FROM, every weight is
// within the limit, with room to spare for the rounding of the bound and of the updates. Once it is
// past, the training function returns after that update, saying where (exampleLoop.ts), and its
// caller scans the weights (wasmTrainer.ts): a weight past the limit is divergence at that update;
// otherwise training goes on from the next example, with a new bound. NaN and ∞ anywhere in the
// sums make the bound NaN or ∞, which stops too.

import { WEIGHT_LIMIT } from '../divergence';
import type { Locals } from './locals';
import { I32, OP, type Code } from './wasmWriter';

/** the bound's value from which the weights are scanned: half the limit (the margin covers rounding by far) */
export const SCAN_FROM = WEIGHT_LIMIT / 2;

/** where the weight slots are (padding slots hold 0) */
export interface WeightSlots {
  weights: number;
  slots: number;
}

/**
 * f64 local bound = max_s |w_s|, or +∞ when a weight is past the limit (NaN included): the bound a
 * training call starts from
 */
export function emitStartingBound(code: Code, locals: Locals, bound: number, at: WeightSlots): void {
  code.f64c(0).set(bound);
  if (at.slots === 0) return;
  const v = locals.f64();
  const [p, c, within] = locals.many(I32, 3);
  code.i32(1).set(within).i32(at.weights).set(p).i32(at.slots).set(c);
  code.loop();
  code.get(p).load(0).op(OP.f64Abs).tee(v).f64c(WEIGHT_LIMIT).op(OP.f64Le).get(within).op(OP.i32And).set(within);
  code.get(v).get(bound).get(v).get(bound).op(OP.f64Gt).op(OP.select).set(bound); // max
  code.get(p).i32(8).op(OP.i32Add).set(p);
  code.get(c).i32(1).op(OP.i32Sub).tee(c).brIf(0).end();
  code.get(bound).f64c(Infinity).get(within).op(OP.select).set(bound); // within ? max : ∞
}

/** pushes i32 (f64 local bound ≤ SCAN_FROM): every weight is surely within the limit (false for NaN) */
export function emitBoundIsSafe(code: Code, bound: number): void {
  code.get(bound).f64c(SCAN_FROM).op(OP.f64Le);
}

