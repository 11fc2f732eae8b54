// Emits one WebAssembly module per compiled network: the forward and backward passes unrolled
// into straight-line code over the network's own edges. Every weight is a load at a constant
// address, every s_k, z_k, σ'(s_k), ∂h_o/∂s_k and ∂E/∂s_k a local, and each activation is chosen
// while emitting, so the running code has no dispatch, no index arrays and no bounds checks.
//
// The arithmetic is the engine's (src/engine/pass.ts, train.ts) operation for operation, in the
// same order, so the weights it produces are bit-for-bit the pure engine's.

import { KIND_BIAS, KIND_INPUT, type Net } from '../compile';
import { Code, F64, I32, OP, SIMD, V128, encodeModule, type FuncDef, type ValType } from './wasmWriter';
import { emitActivationOf } from './activationCode';
import { elementaryFuncs } from './elementaryCode';
import { pairConstantBytes } from './pairs/elementaryPairCode';
import { nodeValuesPairFunction } from './pairs/pointPairs';
import { kernelLayout, type KernelLayout } from './layout';

const wAddr = (layout: KernelLayout, e: number): number => layout.weights + 8 * layout.weightSlot[e];
const gAddr = (layout: KernelLayout, e: number): number => layout.gradSum + 8 * layout.weightSlot[e];

/** which wasm local holds which quantity, after `first` fixed slots */
class NodeLocals {
  constructor(
    private readonly first: number,
    private readonly n: number,
  ) {}
  z(k: number): number {
    return this.first + k;
  }
  dz(k: number): number {
    return this.first + this.n + k;
  }
  dh(k: number): number {
    return this.first + 2 * this.n + k;
  }
  de(k: number): number {
    return this.first + 3 * this.n + k;
  }
  get count(): number {
    return 4 * this.n;
  }
}

interface Emitter {
  net: Net;
  layout: KernelLayout;
  code: Code;
  at: NodeLocals;
  /** local holding the current example's x address */
  xb: number;
  /** local holding the current example's y address */
  yb: number;
  /** f64 scratch local */
  tmp: number;
  /** v128 scratch locals: a pair of sums, a pair of ∂E/∂s, the splat of η */
  pairAcc: number;
  pairDe: number;
  etas: number;
  /** two more v128 scratch locals (blocks of weights in the backward pass) */
  va: number;
  vb: number;
}

/** s_k = Σ_j z_j w_{j→k} (from 0, in incoming-edge order), z_k = σ(s_k), and σ'(s_k) when `derivatives` */
function emitForward(m: Emitter, derivatives: boolean): void {
  const { net, code, at, layout } = m;
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] === KIND_INPUT) {
      code.get(m.xb).load(8 * net.feature[k]).set(at.z(k));
      continue;
    }
    if (net.kind[k] === KIND_BIAS) {
      code.f64c(1).set(at.z(k));
      continue;
    }
    const b = layout.partner[k];
    if (b >= 0 && !layout.lead[k]) continue; // computed with its partner
    if (b >= 0) {
      emitPairSums(m, k);
      code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 0).set(m.tmp);
      emitActivation(m, k, derivatives);
      code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 1).set(m.tmp);
      emitActivation(m, b, derivatives);
      continue;
    }
    code.f64c(0);
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
      code.get(at.z(net.inSrc[q])).loadAt(wAddr(layout, net.inEdge[q])).op(OP.f64Mul).op(OP.f64Add);
    }
    code.set(m.tmp);
    emitActivation(m, k, derivatives);
  }
}

/** pairAcc = (s_a, s_b): (0, 0) + splat(z_j) · (w_{j→a}, w_{j→b}) for each shared source j, in order */
function emitPairSums(m: Emitter, a: number): void {
  const { net, code, at, layout } = m;
  code.zeroV().set(m.pairAcc);
  for (let q = net.inStart[a]; q < net.inStart[a + 1]; q++) {
    code.get(m.pairAcc).get(at.z(net.inSrc[q])).simd(SIMD.f64x2Splat);
    code.i32(0).loadV(wAddr(layout, net.inEdge[q])).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(m.pairAcc);
  }
}

/** z_k = σ(s_k) and σ'(s_k) from s_k in `tmp`, exactly as activation.ts computes them */
function emitActivation(m: Emitter, k: number, derivatives: boolean): void {
  emitActivationOf(m.code, m.net.act[k], m.tmp, m.at.z(k), derivatives ? m.at.dz(k) : -1);
}

/** pushes E_i = Σ_o (h_o − y_o)² */
function emitExampleError(m: Emitter): void {
  const { net, code, at } = m;
  code.f64c(0);
  for (let o = 0; o < net.numOutputs; o++) {
    code.get(at.z(net.outputNode[o])).get(m.yb).load(8 * o).op(OP.f64Sub).tee(m.tmp).get(m.tmp).op(OP.f64Mul).op(OP.f64Add);
  }
}

/** ∂h_o/∂s_k for every neuron (reverse topological order), accumulated into ∂E_i/∂s_k with 2(h_o − y_o) */
function emitBackward(m: Emitter): void {
  const { net, code, at, layout } = m;
  const neuron = (k: number) => net.kind[k] !== KIND_INPUT && net.kind[k] !== KIND_BIAS;
  for (let o = 0; o < net.numOutputs; o++) {
    const target = net.outputNode[o];
    const done = new Uint8Array(net.numNodes);
    for (let p = net.order.length - 1; p >= 0; p--) {
      const k = net.order[p];
      if (!neuron(k) || done[k]) continue;
      if (k === target) {
        code.get(at.dz(k)).set(at.dh(k));
        continue;
      }
      const b = layout.partner[k];
      if (b >= 0 && b !== target && sameTargets(net, k, b)) {
        emitPairBackward(m, k, b);
        done[b] = 1;
        continue;
      }
      code.f64c(0);
      for (let q = net.outStart[k]; q < net.outStart[k + 1]; q++) {
        code.get(at.dh(net.outDst[q])).loadAt(wAddr(layout, net.outEdge[q])).op(OP.f64Mul).op(OP.f64Add);
      }
      code.get(at.dz(k)).op(OP.f64Mul).set(at.dh(k));
    }
    // factor = 2(h_o − y_o); ∂E/∂s_k += factor · ∂h_o/∂s_k (starting from 0)
    code.f64c(2).get(at.z(target)).get(m.yb).load(8 * o).op(OP.f64Sub).op(OP.f64Mul).set(m.tmp);
    for (let k = 0; k < net.numNodes; k++) {
      if (!neuron(k)) continue;
      if (o === 0) code.f64c(0);
      else code.get(at.de(k));
      code.get(m.tmp).get(at.dh(k)).op(OP.f64Mul).op(OP.f64Add).set(at.de(k));
    }
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
function emitPairBackward(m: Emitter, k: number, b: number): void {
  const { net, code, at, layout } = m;
  const n = net.outStart[k + 1] - net.outStart[k];
  const slotOf = (node: number, t: number) => layout.weightSlot[net.outEdge[net.outStart[node] + t]];
  const term = (t: number, weights: () => void) => {
    code.get(m.pairAcc).get(at.dh(net.outDst[net.outStart[k] + t])).simd(SIMD.f64x2Splat);
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
  code.get(m.pairAcc).get(at.dz(k)).simd(SIMD.f64x2Splat).get(at.dz(b)).lane(SIMD.f64x2ReplaceLane, 1).simd(SIMD.f64x2Mul).set(m.pairAcc);
  code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 0).set(at.dh(k));
  code.get(m.pairAcc).lane(SIMD.f64x2ExtractLane, 1).set(at.dh(b));
}

/** pushes ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j for edge e */
function emitGrad(m: Emitter, e: number): void {
  m.code.get(m.at.de(m.net.edgeTarget[e])).get(m.at.z(m.net.edgeSource[e])).op(OP.f64Mul);
}

/**
 * per neuron k, for each incoming edge j→k: sequential w ← w − η(∂E_i/∂s_k · z_j), batch
 * gradSum += ∂E_i/∂s_k · z_j; a pair of neurons updates both weights of a block at once
 */
function emitUpdates(m: Emitter, batch: boolean): void {
  const { net, code, at, layout } = m;
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS) continue;
    const b = layout.partner[k];
    if (b >= 0 && !layout.lead[k]) continue;
    if (b >= 0) {
      code.get(at.de(k)).simd(SIMD.f64x2Splat).get(at.de(b)).lane(SIMD.f64x2ReplaceLane, 1).set(m.pairDe);
      for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
        const e = net.inEdge[q];
        const address = batch ? gAddr(layout, e) : wAddr(layout, e);
        code.i32(0).i32(0).loadV(address);
        if (!batch) code.get(m.etas);
        code.get(m.pairDe).get(at.z(net.inSrc[q])).simd(SIMD.f64x2Splat).simd(SIMD.f64x2Mul);
        if (batch) code.simd(SIMD.f64x2Add);
        else code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub);
        code.storeV(address);
      }
      continue;
    }
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
      const e = net.inEdge[q];
      if (batch) {
        code.i32(0).loadAt(gAddr(layout, e));
        emitGrad(m, e);
        code.op(OP.f64Add).store(gAddr(layout, e));
      } else {
        code.i32(0).loadAt(wAddr(layout, e)).get(ETA);
        emitGrad(m, e);
        code.op(OP.f64Mul).op(OP.f64Sub).store(wAddr(layout, e));
      }
    }
  }
}

/** w ← w − η Σ_i ∂E_i/∂w */
function emitBatchUpdate(m: Emitter, eta: number): void {
  const { code, layout } = m;
  for (let e = 0; e < m.net.numEdges; e++) {
    code.i32(0).loadAt(wAddr(layout, e)).get(eta).loadAt(gAddr(layout, e)).op(OP.f64Mul).op(OP.f64Sub).store(wAddr(layout, e));
  }
}

/**
 * `for (i = 0; i < count; i++) { idx = order[i]; xb = xPtr + idx·xStride·8; yb = …; body }`
 * params: xPtr, yPtr, orderPtr, count (i32); the loop counter and addresses are locals 5..7.
 */
function emitExampleLoop(m: Emitter, body: () => void): void {
  const { code, layout } = m;
  const [X, Y, ORDER, COUNT, I, IDX] = [0, 1, 2, 3, 5, 6];
  code.block().loop();
  code.get(I).get(COUNT).op(OP.i32GeU).brIf(1);
  code.get(ORDER).get(I).i32(2).op(OP.i32Shl).op(OP.i32Add).loadI32(0).set(IDX);
  code.get(X).get(IDX).i32(8 * layout.xStride).op(OP.i32Mul).op(OP.i32Add).set(m.xb);
  code.get(Y).get(IDX).i32(8 * layout.yStride).op(OP.i32Mul).op(OP.i32Add).set(m.yb);
  body();
  code.get(I).i32(1).op(OP.i32Add).set(I);
  code.br(0).end().end();
}

// trainSequential / trainBatch(xPtr, yPtr, orderPtr, count: i32, eta: f64) → Σ E_i
// locals: 5 i, 6 idx, 7 xb, 8 yb (i32); 9 error, 10 tmp (f64); 11 pairAcc, 12 pairDe, 13 etas, 14 va, 15 vb (v128); then the node locals
const TRAIN_PARAMS: ValType[] = [I32, I32, I32, I32, F64];
const TRAIN_FIXED: ValType[] = [I32, I32, I32, I32, F64, F64, V128, V128, V128, V128, V128];
const ETA = 4;
const ERROR = 9;

function trainFunction(net: Net, layout: KernelLayout, name: string, batch: boolean): FuncDef {
  const at = new NodeLocals(TRAIN_PARAMS.length + TRAIN_FIXED.length, net.numNodes);
  const m: Emitter = { net, layout, code: new Code(), at, xb: 7, yb: 8, tmp: 10, pairAcc: 11, pairDe: 12, etas: 13, va: 14, vb: 15 };
  m.code.get(ETA).simd(SIMD.f64x2Splat).set(m.etas);
  emitExampleLoop(m, () => {
    emitForward(m, true);
    m.code.get(ERROR);
    emitExampleError(m);
    m.code.op(OP.f64Add).set(ERROR);
    emitBackward(m);
    emitUpdates(m, batch);
  });
  if (batch) emitBatchUpdate(m, ETA);
  m.code.get(ERROR);
  return {
    name,
    type: { params: TRAIN_PARAMS, results: [F64] },
    locals: [...TRAIN_FIXED, ...new Array<ValType>(at.count).fill(F64)],
    body: m.code,
  };
}

// predict(xPtr, outPtr, count): forward only; h_o of point i (x at xPtr + i·xStride·8) to
// outPtr + (i·m + o)·8. nodeValues(xPtr, outPtr, count): z_k of every node of point i, as f32, to
// outPtr + (i·n + k)·4 (decision maps and thumbnails). locals: 3 i, 4 xb, 5 out (i32); 6 tmp (f64); 7 pairAcc (v128); then the node locals
function forwardOnlyFunction(net: Net, layout: KernelLayout, name: 'predict' | 'nodeValues'): FuncDef {
  const at = new NodeLocals(8, net.numNodes);
  const m: Emitter = { net, layout, code: new Code(), at, xb: 4, yb: 5, tmp: 6, pairAcc: 7, pairDe: -1, etas: -1, va: -1, vb: -1 };
  const [X, OUT, COUNT, I] = [0, 1, 2, 3];
  const code = m.code;
  const all = name === 'nodeValues';
  code.get(X).set(m.xb).get(OUT).set(m.yb);
  code.block().loop();
  code.get(I).get(COUNT).op(OP.i32GeU).brIf(1);
  emitForward(m, false);
  if (all) for (let k = 0; k < net.numNodes; k++) code.get(m.yb).get(at.z(k)).storeF32(4 * k);
  else for (let o = 0; o < net.numOutputs; o++) code.get(m.yb).get(at.z(net.outputNode[o])).store(8 * o);
  code.get(m.xb).i32(8 * layout.xStride).op(OP.i32Add).set(m.xb);
  code.get(m.yb).i32(all ? 4 * net.numNodes : 8 * layout.yStride).op(OP.i32Add).set(m.yb);
  code.get(I).i32(1).op(OP.i32Add).set(I);
  code.br(0).end().end();
  return {
    name,
    type: { params: [I32, I32, I32], results: [] },
    locals: [I32, I32, I32, F64, V128, ...new Array<ValType>(at.count).fill(F64)],
    body: code,
  };
}

/** bytes of code a function may have: V8 refuses more than 7,654,321 */
const MAX_FUNCTION_BYTES = 7_000_000;

/**
 * the module's bytes for this net: exports trainSequential, trainBatch, predict, nodeValues; with
 * an f64x2 layout, nodeValues is the f64x2 one (pointPairs.ts; the scalar one stays inside,
 * unexported, for the blocks the f64x2 code hands back), unless its code would be too long
 */
export function emitKernel(net: Net, layout: KernelLayout = kernelLayout(net)): Uint8Array {
  const simd = layout.blockPoints > 0;
  const funcs = [
    ...elementaryFuncs(),
    trainFunction(net, layout, 'trainSequential', false),
    trainFunction(net, layout, 'trainBatch', true),
    forwardOnlyFunction(net, layout, 'predict'),
  ];
  const scalarNodeValues = funcs.length;
  funcs.push(forwardOnlyFunction(net, layout, 'nodeValues'));
  const pairs = simd ? nodeValuesPairFunction(net, layout, scalarNodeValues) : null;
  const usePairs = pairs !== null && pairs.body.length <= MAX_FUNCTION_BYTES;
  if (usePairs) {
    funcs[scalarNodeValues].exported = false;
    funcs.push(pairs);
  }
  const data = usePairs ? [{ offset: layout.constants, bytes: pairConstantBytes() }] : [];
  return encodeModule({ imports: [], memoryPages: Math.max(1, Math.ceil(layout.end / 65536)), funcs, data });
}
