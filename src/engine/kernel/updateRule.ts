// The update a kernel makes per edge (docs/graph-format.md, "Update"; src/engine/train.ts): plain
// w ← w − η·g, or with a regulariser g ← g + R(w) on a regularised edge (R = λ·sign w for L1,
// (2λ)·w for L2) and with momentum v ← β·v + g, w ← w − η·v. The rule's shape (which regulariser,
// momentum or not) is compiled into a kernel; λ, 2λ and β are read from memory when a training
// function starts, so one module serves every rate. Same operations in the same order as
// train.ts's updateStep: the same doubles.

import type { TrainingOptions } from '../format/types';
import type { Locals } from './locals';
import { F64, OP, type Code } from './wasmWriter';

export interface UpdateRule {
  regularization: 'none' | 'L1' | 'L2';
  momentum: boolean;
}

/** version 1's rule: w ← w − η·g */
export const PLAIN_RULE: UpdateRule = Object.freeze({ regularization: 'none', momentum: false });

/** bytes of the rule's parameters in memory: λ, 2λ, β */
export const RULE_BYTES = 24;

/** the rule an epoch with these options uses (the engine adds R whenever a regulariser is named, even at λ = 0) */
export function ruleOf(options: Pick<TrainingOptions, 'regularization' | 'momentum'>): UpdateRule {
  return { regularization: options.regularization.kind, momentum: options.momentum > 0 };
}

export const isPlain = (rule: UpdateRule): boolean => rule.regularization === 'none' && !rule.momentum;

export const ruleKey = (rule: UpdateRule): string => `${rule.regularization}${rule.momentum ? '+momentum' : ''}`;

/** the parameters as the kernel reads them at RULE_BYTES' address: λ, 2λ (train.ts's 2 * rate), β */
export function ruleParameters(options: Pick<TrainingOptions, 'regularization' | 'momentum'>): [number, number, number] {
  const rate = options.regularization.rate;
  return [rate, 2 * rate, options.momentum];
}

/** f64 locals of a training function: λ, 2λ, β, and scratch for w, g and v */
export interface RuleLocals {
  rule: UpdateRule;
  lam: number;
  twoLam: number;
  beta: number;
  w: number;
  g: number;
  v: number;
}

/** declares the locals and loads λ, 2λ, β from memory at `address` */
export function emitRuleSetup(code: Code, locals: Locals, rule: UpdateRule, address: number): RuleLocals {
  const [lam, twoLam, beta, w, g, v] = locals.many(F64, 6);
  if (!isPlain(rule)) {
    code.i32(0).load(address).set(lam);
    code.i32(0).load(address + 8).set(twoLam);
    code.i32(0).load(address + 16).set(beta);
  }
  return { rule, lam, twoLam, beta, w, g, v };
}

/** where an edge's weight and velocity are: `base()` pushes an i32 address, w and v are memarg offsets from it */
export interface EdgeAt {
  base: () => void;
  w: number;
  v: number;
}

/**
 * one edge's update by the rule: `gradient()` pushes its g (Σ_i ∂E_i/∂w); g += R(w) when the edge
 * is regularised; with momentum v ← β·v + g, w ← w − η·v, else w ← w − η·g
 */
export function emitEdgeUpdate(code: Code, r: RuleLocals, eta: number, at: EdgeAt, gradient: () => void, regularized: boolean): void {
  at.base();
  code.load(at.w).set(r.w);
  gradient();
  code.set(r.g);
  if (regularized && r.rule.regularization === 'L1') {
    // g + λ·sign(w) = g + (|w| > 0 ? copysign(λ, w) : +0): λ·1, λ·(−1) (−0 at λ = 0, as the engine's), λ·0 = +0 for ±0 and NaN
    code.get(r.g).get(r.lam).get(r.w).op(OP.f64Copysign).f64c(0).get(r.w).op(OP.f64Abs).f64c(0).op(OP.f64Gt).op(OP.select).op(OP.f64Add).set(r.g);
  } else if (regularized && r.rule.regularization === 'L2') {
    code.get(r.g).get(r.twoLam).get(r.w).op(OP.f64Mul).op(OP.f64Add).set(r.g); // g + (2λ)·w
  }
  let step = r.g;
  if (r.rule.momentum) {
    at.base();
    code.get(r.beta);
    at.base();
    code.load(at.v).op(OP.f64Mul).get(r.g).op(OP.f64Add).tee(r.v).store(at.v); // v ← β·v + g
    step = r.v;
  }
  at.base();
  code.get(r.w).get(eta).get(step).op(OP.f64Mul).op(OP.f64Sub).store(at.w); // w ← w − η·step
}

/**
 * pushes the bound's step for one update (limitCode.ts) from the plain one D = Σ|δ|·Σ|z| on the
 * stack: no weight moves by more than |η| times it. |R(w)| ≤ λ (L1) or 2λ·max|w| (L2, `bound`
 * being max|w|); with momentum |v| ≤ vb, vb ← β·vb + D + |R| (`vb` an f64 local, max|v| at the start)
 */
export function emitRuleBound(code: Code, r: RuleLocals, bound: number, vb: number): void {
  if (r.rule.regularization === 'L1') code.get(r.lam).op(OP.f64Add);
  else if (r.rule.regularization === 'L2') code.get(r.twoLam).get(bound).op(OP.f64Mul).op(OP.f64Add);
  if (r.rule.momentum) code.set(r.g).get(r.beta).get(vb).op(OP.f64Mul).get(r.g).op(OP.f64Add).tee(vb);
}
