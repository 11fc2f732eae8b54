// Emits one WebAssembly module per compiled network: the forward and backward passes unrolled
// into straight-line code over the network's own edges. Every weight is a load at a constant
// address, every s_k, z_k, σ'(s_k), ∂h_o/∂s_k and ∂E/∂s_k a local, and each activation is chosen
// while emitting, so the running code has no dispatch, no index arrays and no bounds checks.
//
// The arithmetic is the engine's (src/engine/pass.ts, train.ts) operation for operation, in the
// same order, so the weights it produces are bit-for-bit the pure engine's.

import { KIND_BIAS, KIND_INPUT, KIND_NEURON, type Net } from '../compile';
import { crossEntropy, emitBinaryCrossEntropy, emitSoftmax, emitSoftmaxCrossEntropy, outputLocals, predictStride, type OutputLocals } from './lossCode';
import { Code, F64, OP, SIMD, encodeModule, type FuncDef } from './wasmWriter';
import { pointFunction, trainFunction } from './exampleLoop';
import type { Locals } from './locals';
import { buildsMaps, buildsTraining, type KernelUses } from './uses';
import { emitActivationOf } from './activationCode';
import { elementaryFuncs } from './elementaryCode';
import { pairConstantBytes } from './pairs/elementaryPairCode';
import { nodeValuesPairFunction } from './pairs/pointPairs';
import { pairsComputeEvery } from './pairs/activationPairs';
import { kernelLayout, type KernelLayout } from './layout';
import { PLAIN_RULE, emitEdgeUpdate, isPlain, type RuleLocals, type UpdateRule } from './updateRule';

const wAddr = (layout: KernelLayout, e: number): number => layout.weights + 8 * layout.weightSlot[e];
const gAddr = (layout: KernelLayout, e: number): number => layout.gradSum + 8 * layout.weightSlot[e];
const vAddr = (layout: KernelLayout, e: number): number => layout.velocity + 8 * layout.weightSlot[e];

/** running sums per quantity of emitAddAbs */
const SUMS = 2;

interface Emitter {
  net: Net;
  layout: KernelLayout;
  code: Code;
  /** f64 locals per node: z_k, σ'(s_k), ∂h_o/∂s_k, ∂E_i/∂s_k (forward-only code has z alone) */
  z: number[];
  dz: number[];
  dh: number[];
  de: number[];
  /** i32 locals: the current example's x and y addresses */
  xb: number;
  yb: number;
  /** f64 parameter η (−1 in forward-only code) */
  eta: number;
  /** f64 scratch */
  tmp: number;
  /** f64 running sums of |z_j| and |∂E_i/∂s_k| (training: emitStepBound) */
  sumZ: number[];
  sumDe: number[];
  /** v128 scratch: a pair of sums, a pair of ∂E/∂s, the splat of η, two blocks of weights (backward) */
  pairAcc: number;
  pairDe: number;
  etas: number;
  va: number;
  vb: number;
  /** training: the update rule's locals (updateRule.ts) */
  rule: RuleLocals | null;
  /** cross-entropy: the outputs' s, softmax and loss locals (lossCode.ts) */
  out: OutputLocals | null;
}


/** the locals of the code for one example (derivatives: training) or one point */
function emitter(net: Net, layout: KernelLayout, code: Code, locals: Locals, xb: number, yb: number, eta: number, rule: RuleLocals | null = null): Emitter {
  const n = net.numNodes;
  const training = eta >= 0;
  const none: number[] = [];
  return {
    net,
    layout,
    code,
    z: locals.many(F64, n),
    dz: training ? locals.many(F64, n) : none,
    dh: training ? locals.many(F64, n) : none,
    de: training ? locals.many(F64, n) : none,
    xb,
    yb,
    eta,
    tmp: locals.f64(),
    sumZ: training ? locals.many(F64, SUMS) : none,
    sumDe: training ? locals.many(F64, SUMS) : none,
    pairAcc: locals.v128(),
    pairDe: training ? locals.v128() : -1,
    etas: training ? locals.v128() : -1,
    va: training ? locals.v128() : -1,
    vb: training ? locals.v128() : -1,
    rule,
    out: crossEntropy(net) ? outputLocals(locals, net.numOutputs) : null,
  };
}

/** s_k = Σ_j z_j w_{j→k} (from 0, in incoming-edge order), z_k = σ(s_k), and σ'(s_k) when `derivatives` */
function emitForward(m: Emitter, derivatives: boolean): void {
  const { net, code, layout } = m;
  const summed = (k: number) => derivatives && emitAddAbs(m, m.sumZ, k, m.z[k]);
  if (derivatives) [...m.sumZ, ...m.sumDe].forEach((sum) => code.f64c(0).set(sum));
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] === KIND_INPUT) {
      code.get(m.xb).load(8 * net.feature[k]).set(m.z[k]);
      summed(k);
      continue;
    }
    if (net.kind[k] === KIND_BIAS) {
      code.f64c(net.nodeOff[k] !== 0 ? 0 : 1).set(m.z[k]);
      summed(k);
      continue;
    }
    if (net.nodeOff[k] !== 0) {
      // an off neuron: s = z = σ' = 0 (pass.ts), its incoming edges frozen
      code.f64c(0).set(m.z[k]);
      if (derivatives) code.f64c(0).set(m.dz[k]);
      if (m.out && net.outputIndex[k] >= 0) code.f64c(0).set(m.out.s[net.outputIndex[k]]);
      continue;
    }
    const b = layout.partner[k];
    if (b >= 0 && !layout.lead[k]) continue; // computed with its partner
    if (b >= 0) {
      emitPairSums(m, k);
      code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 0).set(m.tmp);
      emitActivation(m, k, derivatives);
      summed(k);
      code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 1).set(m.tmp);
      emitActivation(m, b, derivatives);
      summed(b);
      continue;
    }
    code.f64c(0);
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
      code.get(m.z[net.inSrc[q]]).loadAt(wAddr(layout, net.inEdge[q])).op(OP.f64Mul).op(OP.f64Add);
    }
    code.set(m.tmp);
    emitActivation(m, k, derivatives);
    summed(k);
  }
  if (net.softmax && m.out) emitSoftmaxOutputs(m, m.out, derivatives);
}

/** after every s: z_o = h_o of the softmax and σ'_o = h_o(1 − h_o) at the outputs (softmax.ts) */
function emitSoftmaxOutputs(m: Emitter, out: OutputLocals, derivatives: boolean): void {
  const { net, code } = m;
  emitSoftmax(code, out);
  for (let o = 0; o < net.numOutputs; o++) {
    const k = net.outputNode[o];
    code.get(out.h[o]).set(m.z[k]);
    if (derivatives) code.get(m.z[k]).f64c(1).get(m.z[k]).op(OP.f64Sub).op(OP.f64Mul).set(m.dz[k]);
  }
}

/** pairAcc = (s_a, s_b): (0, 0) + splat(z_j) · (w_{j→a}, w_{j→b}) for each shared source j, in order */
function emitPairSums(m: Emitter, a: number): void {
  const { net, code, layout } = m;
  code.zeroV().set(m.pairAcc);
  for (let q = net.inStart[a]; q < net.inStart[a + 1]; q++) {
    code.get(m.pairAcc).get(m.z[net.inSrc[q]]).simd(SIMD.f64x2Splat);
    code.i32(0).loadV(wAddr(layout, net.inEdge[q])).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(m.pairAcc);
  }
}

/** z_k = σ(s_k) and σ'(s_k) from s_k in `tmp`, exactly as activation.ts computes them */
function emitActivation(m: Emitter, k: number, derivatives: boolean): void {
  emitActivationOf(m.code, m.net.act[k], m.tmp, m.z[k], derivatives ? m.dz[k] : -1);
  const o = m.net.outputIndex[k];
  if (m.out && o >= 0) m.code.get(m.tmp).set(m.out.s[o]); // cross-entropy reads the outputs' s
}

/** pushes E_i = Σ_o (h_o − y_o)², or the cross-entropy (loss.ts) */
function emitExampleError(m: Emitter): void {
  const { net, code } = m;
  if (m.out) {
    if (net.softmax) emitSoftmaxCrossEntropy(code, m.out, m.yb);
    else emitBinaryCrossEntropy(code, m.out, m.yb);
    return;
  }
  code.f64c(0);
  for (let o = 0; o < net.numOutputs; o++) {
    code.get(m.z[net.outputNode[o]]).get(m.yb).load(8 * o).op(OP.f64Sub).tee(m.tmp).get(m.tmp).op(OP.f64Mul).op(OP.f64Add);
  }
}

/** ∂h_o/∂s_k for every neuron (reverse topological order), accumulated into ∂E_i/∂s_k with 2(h_o − y_o) */
function emitBackward(m: Emitter): void {
  const { net, code, layout } = m;
  if (m.out) return emitCrossEntropyBackward(m);
  const neuron = (k: number) => net.kind[k] !== KIND_INPUT && net.kind[k] !== KIND_BIAS;
  for (let o = 0; o < net.numOutputs; o++) {
    const target = net.outputNode[o];
    const done = new Uint8Array(net.numNodes);
    for (let p = net.order.length - 1; p >= 0; p--) {
      const k = net.order[p];
      if (!neuron(k) || done[k]) continue;
      if (k === target) {
        code.get(m.dz[k]).set(m.dh[k]);
        continue;
      }
      const b = layout.partner[k];
      if (b >= 0 && b !== target && sameTargets(net, k, b)) {
        emitPairBackward(m, k, b, m.dh);
        done[b] = 1;
        continue;
      }
      code.f64c(0);
      for (let q = net.outStart[k]; q < net.outStart[k + 1]; q++) {
        code.get(m.dh[net.outDst[q]]).loadAt(wAddr(layout, net.outEdge[q])).op(OP.f64Mul).op(OP.f64Add);
      }
      code.get(m.dz[k]).op(OP.f64Mul).set(m.dh[k]);
    }
    // factor = 2(h_o − y_o); ∂E/∂s_k += factor · ∂h_o/∂s_k (starting from 0)
    code.f64c(2).get(m.z[target]).get(m.yb).load(8 * o).op(OP.f64Sub).op(OP.f64Mul).set(m.tmp);
    for (let k = 0; k < net.numNodes; k++) {
      if (!neuron(k)) continue;
      if (o === 0) code.f64c(0);
      else code.get(m.de[k]);
      code.get(m.tmp).get(m.dh[k]).op(OP.f64Mul).op(OP.f64Add).set(m.de[k]);
      if (o === net.numOutputs - 1) emitAddAbs(m, m.sumDe, k, m.de[k]); // ∂E_i/∂s_k is final
    }
  }
}

/**
 * cross-entropy (pass.ts): ∂E_i/∂s_o = h_o − y_o at the outputs, ∂E_i/∂s_k = (Σ_{k→m} ∂E_i/∂s_m ·
 * w_{k→m}) · σ'(s_k) before them, in reverse topological order
 */
function emitCrossEntropyBackward(m: Emitter): void {
  const { net, code, layout } = m;
  const done = new Uint8Array(net.numNodes);
  for (let p = net.order.length - 1; p >= 0; p--) {
    const k = net.order[p];
    if (net.kind[k] !== KIND_NEURON || done[k]) continue;
    const o = net.outputIndex[k];
    if (o >= 0) {
      code.get(m.z[k]).get(m.yb).load(8 * o).op(OP.f64Sub).set(m.de[k]);
      emitAddAbs(m, m.sumDe, k, m.de[k]);
      continue;
    }
    const b = layout.partner[k];
    if (b >= 0 && net.outputIndex[b] < 0 && sameTargets(net, k, b)) {
      emitPairBackward(m, k, b, m.de);
      done[b] = 1;
      emitAddAbs(m, m.sumDe, k, m.de[k]);
      emitAddAbs(m, m.sumDe, b, m.de[b]);
      continue;
    }
    code.f64c(0);
    for (let q = net.outStart[k]; q < net.outStart[k + 1]; q++) {
      code.get(m.de[net.outDst[q]]).loadAt(wAddr(layout, net.outEdge[q])).op(OP.f64Mul).op(OP.f64Add);
    }
    code.get(m.dz[k]).op(OP.f64Mul).set(m.de[k]);
    emitAddAbs(m, m.sumDe, k, m.de[k]);
  }
}

/** k and b feed the same neurons in the same order */
function sameTargets(net: Net, k: number, b: number): boolean {
  const n = net.outStart[k + 1] - net.outStart[k];
  if (n === 0 || n !== net.outStart[b + 1] - net.outStart[b]) return false;
  for (let t = 0; t < n; t++) if (net.outDst[net.outStart[k] + t] !== net.outDst[net.outStart[b] + t]) return false;
  return true;
}

const LOW_LANES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH_LANES = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/**
 * (∂h/∂s_k, ∂h/∂s_b) = (Σ_m ∂h/∂s_m · (w_{k→m}, w_{b→m})) · (σ'(s_k), σ'(s_b)), each lane in the
 * scalar order. Where two consecutive targets are a pair, their four weights come from two block
 * loads and two shuffles; otherwise each weight pair is gathered from its two slots.
 */
function emitPairBackward(m: Emitter, k: number, b: number, values: number[]): void {
  const { net, code, layout } = m;
  const n = net.outStart[k + 1] - net.outStart[k];
  const slotOf = (node: number, t: number) => layout.weightSlot[net.outEdge[net.outStart[node] + t]];
  const term = (t: number, weights: () => void) => {
    code.get(m.pairAcc).get(values[net.outDst[net.outStart[k] + t]]).simd(SIMD.f64x2Splat);
    weights();
    code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(m.pairAcc);
  };
  code.zeroV().set(m.pairAcc);
  for (let t = 0; t < n; t++) {
    const [x1, y1] = [slotOf(k, t), slotOf(b, t)];
    if (t + 1 < n && x1 % 2 === 0 && y1 % 2 === 0 && slotOf(k, t + 1) === x1 + 1 && slotOf(b, t + 1) === y1 + 1) {
      code.i32(0).loadV(layout.weights + 8 * x1).set(m.va).i32(0).loadV(layout.weights + 8 * y1).set(m.vb);
      term(t, () => code.get(m.va).get(m.vb).shuffle(LOW_LANES));
      term(t + 1, () => code.get(m.va).get(m.vb).shuffle(HIGH_LANES));
      t++;
      continue;
    }
    term(t, () => code.loadAt(layout.weights + 8 * x1).simd(SIMD.f64x2Splat).loadAt(layout.weights + 8 * y1).lane(SIMD.f64x2ReplaceLane, 1));
  }
  code.get(m.pairAcc).get(m.dz[k]).simd(SIMD.f64x2Splat).get(m.dz[b]).lane(SIMD.f64x2ReplaceLane, 1).simd(SIMD.f64x2Mul).set(m.pairAcc);
  code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 0).set(values[k]);
  code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 1).set(values[b]);
}

/** pushes ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j for edge e */
function emitGrad(m: Emitter, e: number): void {
  m.code.get(m.de[m.net.edgeTarget[e]]).get(m.z[m.net.edgeSource[e]]).op(OP.f64Mul);
}

/**
 * per neuron k, for each incoming edge j→k: sequential w ← w − η(∂E_i/∂s_k · z_j), batch
 * gradSum += ∂E_i/∂s_k · z_j; a pair of neurons updates both weights of a block at once
 */
function emitUpdates(m: Emitter, batch: boolean): void {
  const { net, code, layout } = m;
  if (!batch && m.rule && !isPlain(m.rule.rule)) return emitRuleUpdates(m, m.rule);
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS) continue;
    const b = layout.partner[k];
    if (b >= 0 && !layout.lead[k]) continue;
    if (b >= 0) {
      code.get(m.de[k]).simd(SIMD.f64x2Splat).get(m.de[b]).lane(SIMD.f64x2ReplaceLane, 1).set(m.pairDe);
      for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
        const e = net.inEdge[q];
        const address = batch ? gAddr(layout, e) : wAddr(layout, e);
        code.i32(0).i32(0).loadV(address);
        if (!batch) code.get(m.etas);
        code.get(m.pairDe).get(m.z[net.inSrc[q]]).simd(SIMD.f64x2Splat).simd(SIMD.f64x2Mul);
        if (batch) code.simd(SIMD.f64x2Add);
        else code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub);
        code.storeV(address);
      }
      continue;
    }
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
      const e = net.inEdge[q];
      if (net.frozen[e] !== 0) continue; // an ablated edge keeps its weight
      if (batch) {
        code.i32(0).loadAt(gAddr(layout, e));
        emitGrad(m, e);
        code.op(OP.f64Add).store(gAddr(layout, e));
      } else {
        code.i32(0).loadAt(wAddr(layout, e)).get(m.eta);
        emitGrad(m, e);
        code.op(OP.f64Mul).op(OP.f64Sub).store(wAddr(layout, e));
      }
    }
  }
}

/** pushes Σ_k |∂E_i/∂s_k| · Σ_j |z_j| (summed as they were computed): no weight moved by more than |η| times this (limitCode.ts) */
function emitStepBound(m: Emitter): void {
  const { code } = m;
  const total = (sums: number[]) => {
    code.get(sums[0]);
    for (let i = 1; i < SUMS; i++) code.get(sums[i]).op(OP.f64Add);
  };
  total(m.sumDe);
  total(m.sumZ);
  code.op(OP.f64Mul);
}

/**
 * sums[i mod SUMS] += |local|: each value is added where it is computed (no value kept alive for
 * it), into SUMS running sums whose additions overlap in the CPU
 */
function emitAddAbs(m: Emitter, sums: number[], i: number, local: number): void {
  const sum = sums[i % SUMS];
  m.code.get(sum).get(local).op(OP.f64Abs).op(OP.f64Add).set(sum);
}

/** the rule's update of edge e from the gradient `gradient()` pushes (updateRule.ts) */
function emitRuleUpdate(m: Emitter, r: RuleLocals, e: number, gradient: () => void): void {
  const at = { base: () => m.code.i32(0), w: wAddr(m.layout, e), v: vAddr(m.layout, e) };
  emitEdgeUpdate(m.code, r, m.eta, at, gradient, m.net.regularized[e] !== 0);
}

/** sequential updates by a regulariser or momentum, one edge at a time (paired neurons too): g = 0 + ∂E_i/∂s_k · z_j, as train.ts sums it */
function emitRuleUpdates(m: Emitter, r: RuleLocals): void {
  for (let e = 0; e < m.net.numEdges; e++) {
    if (m.net.frozen[e] !== 0) continue;
    emitRuleUpdate(m, r, e, () => {
      m.code.f64c(0);
      emitGrad(m, e);
      m.code.op(OP.f64Add);
    });
  }
}

/** w ← w − η Σ_i ∂E_i/∂w on every edge not frozen (or the rule's update from that Σ) */
function emitBatchUpdate(m: Emitter): void {
  const { code, layout } = m;
  const r = m.rule;
  if (r && !isPlain(r.rule)) {
    for (let e = 0; e < m.net.numEdges; e++) if (m.net.frozen[e] === 0) emitRuleUpdate(m, r, e, () => code.i32(0).load(gAddr(layout, e)));
    return;
  }
  for (let e = 0; e < m.net.numEdges; e++) {
    if (m.net.frozen[e] !== 0) continue;
    code.i32(0).loadAt(wAddr(layout, e)).get(m.eta).loadAt(gAddr(layout, e)).op(OP.f64Mul).op(OP.f64Sub).store(wAddr(layout, e));
  }
}

/** trainSequential / trainBatch: the shared example loop (exampleLoop.ts) around unrolled passes */
function unrolledTrainFunction(net: Net, layout: KernelLayout, name: string, batch: boolean, rule: UpdateRule): FuncDef {
  return trainFunction(name, batch, layout, rule, ({ code, locals, eta, xb, yb, rule: ruleLocals }) => {
    const m = emitter(net, layout, code, locals, xb, yb, eta, ruleLocals);
    code.get(eta).simd(SIMD.f64x2Splat).set(m.etas);
    return {
      forward: () => emitForward(m, true),
      error: () => emitExampleError(m),
      backward: () => emitBackward(m),
      updates: () => emitUpdates(m, batch),
      stepBound: () => emitStepBound(m),
      apply: () => emitBatchUpdate(m),
    };
  });
}

/**
 * predict: h_o of point i to outPtr + (i·m + o)·8; nodeValues: z_k of every node of point i, as
 * f32, to outPtr + (i·n + k)·4 (decision maps and thumbnails)
 */
function forwardOnlyFunction(net: Net, layout: KernelLayout, name: 'predict' | 'nodeValues'): FuncDef {
  const all = name === 'nodeValues';
  const outBytes = all ? 4 * net.numNodes : 8 * predictStride(net, layout.yStride);
  return pointFunction(name, 8 * layout.xStride, outBytes, ({ code, locals, xb, out }) => {
    const m = emitter(net, layout, code, locals, xb, out, -1);
    return {
      forward: () => emitForward(m, false),
      store: () => {
        if (all) for (let k = 0; k < net.numNodes; k++) code.get(out).get(m.z[k]).storeF32(4 * k);
        else for (let o = 0; o < net.numOutputs; o++) code.get(out).get(m.z[net.outputNode[o]]).store(8 * o);
        if (!all && m.out) for (let o = 0; o < net.numOutputs; o++) code.get(out).get(m.out.s[o]).store(8 * (net.numOutputs + o));
      },
    };
  });
}

/** bytes of code a function may have: V8 refuses more than 7,654,321 */
const MAX_FUNCTION_BYTES = 7_000_000;

/**
 * the module's bytes for this net: trainSequential, trainBatch and predict for training, nodeValues
 * for maps (`uses`); with an f64x2 layout, nodeValues is the f64x2 one (pairs/pointPairs.ts; the
 * scalar one stays inside, unexported, for the blocks the f64x2 code hands back), unless its code
 * would be too long, a node is switched off, or a neuron's activation has no two-lane code (leaky
 * ReLU, ELU, softplus, hard sigmoid): those maps run the scalar pass
 */
export function emitKernel(net: Net, layout: KernelLayout = kernelLayout(net), uses: KernelUses = 'all', rule: UpdateRule = PLAIN_RULE): Uint8Array {
  const funcs = elementaryFuncs();
  if (buildsTraining(uses)) {
    funcs.push(unrolledTrainFunction(net, layout, 'trainSequential', false, rule));
    funcs.push(unrolledTrainFunction(net, layout, 'trainBatch', true, rule));
    funcs.push(forwardOnlyFunction(net, layout, 'predict'));
  }
  let usePairs = false;
  if (buildsMaps(uses)) {
    const scalarNodeValues = funcs.length;
    funcs.push(forwardOnlyFunction(net, layout, 'nodeValues'));
    const twoLane = layout.blockPoints > 0 && !net.nodeOff.includes(1) && pairsComputeEvery(net.act, (k) => net.kind[k] === KIND_NEURON);
    const pairs = twoLane ? nodeValuesPairFunction(net, layout, scalarNodeValues) : null;
    usePairs = pairs !== null && pairs.body.length <= MAX_FUNCTION_BYTES;
    if (usePairs && pairs) {
      funcs[scalarNodeValues].exported = false;
      funcs.push(pairs);
    }
  }
  const data = usePairs ? [{ offset: layout.constants, bytes: pairConstantBytes() }] : [];
  return encodeModule({ imports: [], memoryPages: Math.max(1, Math.ceil(layout.end / 65536)), funcs, data });
}
