// The loops every kernel function runs, whatever its strategy (unrolled or looped): over the
// examples of a visiting order for training, over points for forward passes. A strategy supplies
// only the code for one example (or point); the loops, their parameters and their counters are
// written once, here.

import { emitBoundIsSafe, emitStartingBound, type WeightSlots } from './limitCode';
import { Locals } from './locals';
import { emitRuleBound, emitRuleSetup, type RuleLocals, type UpdateRule } from './updateRule';
import { Code, F64, I32, OP, type FuncDef } from './wasmWriter';

/** what a strategy's code for one example may use */
export interface ExampleFrame {
  code: Code;
  locals: Locals;
  /** the f64 parameter η */
  eta: number;
  /** i32 locals: the addresses of the example's x and y */
  xb: number;
  yb: number;
  /** the update rule and its parameters' locals (updateRule.ts) */
  rule: RuleLocals;
}

/** one strategy's code for one example; each part leaves the stack as it found it, but error() */
export interface ExamplePasses {
  /** s_k, z_k and σ'(s_k) of every node */
  forward(): void;
  /** pushes E_i = Σ_o (h_o − y_o)² */
  error(): void;
  /** ∂E_i/∂s_k of every neuron */
  backward(): void;
  /** sequential: the rule's update from ∂E_i/∂w (w ← w − η ∂E_i/∂w when plain); batch: gradSum += ∂E_i/∂w */
  updates(): void;
  /** pushes Σ_k |∂E_i/∂s_k| · Σ_j |z_j| (over neurons, over nodes): the divergence check's step (limitCode.ts) */
  stepBound(): void;
  /** batch only, after the last example: the rule's update from gradSum (w ← w − η gradSum when plain) */
  apply(): void;
}

export interface TrainLayout extends WeightSlots {
  /** f64s per example's x and y */
  xStride: number;
  yStride: number;
  /** byte address of the i32 that says where training stopped */
  stop: number;
  /** momentum's v per slot, and the rule's parameters */
  velocity: number;
  rule: number;
}

const TRAIN_PARAMS = [I32, I32, I32, I32, F64, F64] as const;

/**
 * trainSequential / trainBatch(xPtr, yPtr, orderPtr, count: i32, η: f64, error: f64) → error + Σ E_i:
 * `for (i = 0; i < count; i++) { idx = order[i]; xb = xPtr + 8·idx·xStride; yb = yPtr + 8·idx·yStride;
 * forward; error += E_i; backward; updates }`, then (batch) apply. The sum continues from `error`,
 * so a caller that resumes after a stop adds the same doubles in the same order as one long call.
 *
 * Sequential training keeps a bound of max |w| (limitCode.ts) and returns right after the update
 * that takes it past SCAN_FROM, writing that example's position i at `stop`; the caller scans the
 * weights. Otherwise, and always in batch mode (its caller scans after the one update), `stop` is −1.
 */
export function trainFunction(name: string, batch: boolean, layout: TrainLayout, rule: UpdateRule, passesFor: (frame: ExampleFrame) => ExamplePasses): FuncDef {
  const locals = new Locals(TRAIN_PARAMS);
  const [x, y, order, count, eta, error] = TRAIN_PARAMS.map((_, p) => locals.param(p));
  const [i, idx, xb, yb] = locals.many(I32, 4);
  const [bound, velocityBound] = locals.many(F64, 2);
  const code = new Code();
  code.i32(0).i32(-1).storeI32(layout.stop);
  const ruleLocals = emitRuleSetup(code, locals, rule, layout.rule);
  if (!batch) emitStartingBound(code, locals, bound, layout);
  if (!batch && rule.momentum) emitStartingBound(code, locals, velocityBound, { weights: layout.velocity, slots: layout.slots });
  const passes = passesFor({ code, locals, eta, xb, yb, rule: ruleLocals }); // may emit set-up code before the loop
  code.block().loop();
  code.get(i).get(count).op(OP.i32GeU).brIf(1);
  code.get(order).get(i).i32(2).op(OP.i32Shl).op(OP.i32Add).loadI32(0).set(idx);
  code.get(x).get(idx).i32(8 * layout.xStride).op(OP.i32Mul).op(OP.i32Add).set(xb);
  code.get(y).get(idx).i32(8 * layout.yStride).op(OP.i32Mul).op(OP.i32Add).set(yb);
  passes.forward();
  code.get(error);
  passes.error();
  code.op(OP.f64Add).set(error);
  passes.backward();
  passes.updates();
  if (!batch) {
    // bound += |η|·Σ|δ|·Σ|z|; past SCAN_FROM: stop = i, and out of the loop
    code.get(bound).get(eta).op(OP.f64Abs);
    passes.stepBound();
    emitRuleBound(code, ruleLocals, bound, velocityBound);
    code.op(OP.f64Mul).op(OP.f64Add).set(bound);
    emitBoundIsSafe(code, bound);
    code.op(OP.i32Eqz).if().i32(0).get(i).storeI32(layout.stop).br(2).end();
  }
  code.get(i).i32(1).op(OP.i32Add).set(i);
  code.br(0).end().end();
  if (batch) passes.apply();
  code.get(error);
  return { name, type: { params: [...TRAIN_PARAMS], results: [F64] }, locals: locals.types, body: code };
}

/** what a strategy's code for one point may use */
export interface PointFrame {
  code: Code;
  locals: Locals;
  /** i32 locals: the addresses of the point's x and of its results */
  xb: number;
  out: number;
}

/** one strategy's code for one point: its forward pass, then its results stored from `out` */
export interface PointPasses {
  forward(): void;
  store(): void;
}

const POINT_PARAMS = [I32, I32, I32] as const;

/**
 * predict / nodeValues(xPtr, outPtr, count): `for (i = 0; i < count; i++) { forward; store;
 * xb += xBytes; out += outBytes }` from xb = xPtr, out = outPtr
 */
export function pointFunction(name: string, xBytes: number, outBytes: number, passesFor: (frame: PointFrame) => PointPasses): FuncDef {
  const locals = new Locals(POINT_PARAMS);
  const [x, outPtr, count] = POINT_PARAMS.map((_, p) => locals.param(p));
  const [i, xb, out] = locals.many(I32, 3);
  const code = new Code();
  const passes = passesFor({ code, locals, xb, out });
  code.get(x).set(xb).get(outPtr).set(out);
  code.block().loop();
  code.get(i).get(count).op(OP.i32GeU).brIf(1);
  passes.forward();
  passes.store();
  code.get(xb).i32(xBytes).op(OP.i32Add).set(xb);
  code.get(out).i32(outBytes).op(OP.i32Add).set(out);
  code.get(i).i32(1).op(OP.i32Add).set(i);
  code.br(0).end().end();
  return { name, type: { params: [...POINT_PARAMS], results: [] }, locals: locals.types, body: code };
}
