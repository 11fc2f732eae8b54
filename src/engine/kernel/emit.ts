// Emits one WebAssembly module per compiled network: the forward and backward passes unrolled
// into straight-line code over the network's own edges. Every weight is a load at a constant
// address, every s_k, z_k, σ'(s_k), ∂h_o/∂s_k and ∂E/∂s_k a local, and each activation is chosen
// while emitting, so the running code has no dispatch, no index arrays and no bounds checks.
//
// The arithmetic is the engine's (src/engine/pass.ts, train.ts) operation for operation, in the
// same order, so the weights it produces are bit-for-bit the pure engine's.

import { KIND_BIAS, KIND_INPUT, type Net } from '../compile';
import { Code, F64, I32, OP, encodeModule, type FuncDef, type ValType } from './wasmWriter';
import { IMPORTS, emitActivationOf } from './activationCode';


/** byte offsets of the fixed regions of linear memory */
export interface KernelLayout {
  /** w per edge, doc.edges order */
  weights: number;
  /** Σ_i ∂E_i/∂w per edge (batch mode) */
  gradSum: number;
  /** first free byte after the fixed regions (8-aligned) */
  end: number;
  /** f64s per example's x (max feature index + 1) */
  xStride: number;
  /** f64s per example's y (number of outputs) */
  yStride: number;
}

export function kernelLayout(net: Net): KernelLayout {
  let xStride = 1;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) xStride = Math.max(xStride, net.feature[k] + 1);
  const bytes = 8 * net.numEdges;
  return { weights: 0, gradSum: bytes, end: 2 * bytes, xStride, yStride: Math.max(1, net.numOutputs) };
}

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
    code.f64c(0);
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
      code.get(at.z(net.inSrc[q])).loadAt(layout.weights + 8 * net.inEdge[q]).op(OP.f64Mul).op(OP.f64Add);
    }
    code.set(m.tmp);
    emitActivation(m, k, derivatives);
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
  for (let o = 0; o < net.numOutputs; o++) {
    const target = net.outputNode[o];
    for (let p = net.order.length - 1; p >= 0; p--) {
      const k = net.order[p];
      if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS) continue;
      if (k === target) {
        code.get(at.dz(k)).set(at.dh(k));
        continue;
      }
      code.f64c(0);
      for (let q = net.outStart[k]; q < net.outStart[k + 1]; q++) {
        code.get(at.dh(net.outDst[q])).loadAt(layout.weights + 8 * net.outEdge[q]).op(OP.f64Mul).op(OP.f64Add);
      }
      code.get(at.dz(k)).op(OP.f64Mul).set(at.dh(k));
    }
    // factor = 2(h_o − y_o); ∂E/∂s_k += factor · ∂h_o/∂s_k (starting from 0)
    code.f64c(2).get(at.z(target)).get(m.yb).load(8 * o).op(OP.f64Sub).op(OP.f64Mul).set(m.tmp);
    for (let k = 0; k < net.numNodes; k++) {
      if (net.kind[k] === KIND_INPUT || net.kind[k] === KIND_BIAS) continue;
      if (o === 0) code.f64c(0);
      else code.get(at.de(k));
      code.get(m.tmp).get(at.dh(k)).op(OP.f64Mul).op(OP.f64Add).set(at.de(k));
    }
  }
}

/** pushes ∂E_i/∂w_{j→k} = ∂E_i/∂s_k · z_j for edge e */
function emitGrad(m: Emitter, e: number): void {
  m.code.get(m.at.de(m.net.edgeTarget[e])).get(m.at.z(m.net.edgeSource[e])).op(OP.f64Mul);
}

/** mem[address] = mem[address] ∘ (η · grad) or + grad, per edge */
function emitSequentialUpdate(m: Emitter, eta: number): void {
  const { code, layout } = m;
  for (let e = 0; e < m.net.numEdges; e++) {
    const w = layout.weights + 8 * e;
    code.i32(0).loadAt(w).get(eta);
    emitGrad(m, e);
    code.op(OP.f64Mul).op(OP.f64Sub).store(w);
  }
}

function emitGradAccumulate(m: Emitter): void {
  const { code, layout } = m;
  for (let e = 0; e < m.net.numEdges; e++) {
    const g = layout.gradSum + 8 * e;
    code.i32(0).loadAt(g);
    emitGrad(m, e);
    code.op(OP.f64Add).store(g);
  }
}

/** w ← w − η Σ_i ∂E_i/∂w */
function emitBatchUpdate(m: Emitter, eta: number): void {
  const { code, layout } = m;
  for (let e = 0; e < m.net.numEdges; e++) {
    const w = layout.weights + 8 * e;
    code.i32(0).loadAt(w).get(eta).loadAt(layout.gradSum + 8 * e).op(OP.f64Mul).op(OP.f64Sub).store(w);
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
// locals: 5 i, 6 idx, 7 xb, 8 yb (i32); 9 error, 10 tmp (f64); then the node locals
const TRAIN_PARAMS: ValType[] = [I32, I32, I32, I32, F64];
const TRAIN_FIXED: ValType[] = [I32, I32, I32, I32, F64, F64];
const ETA = 4;
const ERROR = 9;

function trainFunction(net: Net, layout: KernelLayout, name: string, batch: boolean): FuncDef {
  const at = new NodeLocals(TRAIN_PARAMS.length + TRAIN_FIXED.length, net.numNodes);
  const m: Emitter = { net, layout, code: new Code(), at, xb: 7, yb: 8, tmp: 10 };
  emitExampleLoop(m, () => {
    emitForward(m, true);
    m.code.get(ERROR);
    emitExampleError(m);
    m.code.op(OP.f64Add).set(ERROR);
    emitBackward(m);
    if (batch) emitGradAccumulate(m);
    else emitSequentialUpdate(m, ETA);
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
// outPtr + (i·n + k)·4 (decision maps and thumbnails). locals: 3 i, 4 xb, 5 out (i32); 6 tmp (f64); then the node locals
function forwardOnlyFunction(net: Net, layout: KernelLayout, name: 'predict' | 'nodeValues'): FuncDef {
  const at = new NodeLocals(7, net.numNodes);
  const m: Emitter = { net, layout, code: new Code(), at, xb: 4, yb: 5, tmp: 6 };
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
    locals: [I32, I32, I32, F64, ...new Array<ValType>(at.count).fill(F64)],
    body: code,
  };
}

/** the module's bytes for this net: exports trainSequential, trainBatch, predict, nodeValues */
export function emitKernel(net: Net, layout: KernelLayout = kernelLayout(net)): Uint8Array {
  const unary = { params: [F64] as ValType[], results: [F64] as ValType[] };
  return encodeModule({
    imports: IMPORTS.map((name) => ({ name, type: unary })),
    memoryPages: Math.max(1, Math.ceil(layout.end / 65536)),
    funcs: [trainFunction(net, layout, 'trainSequential', false), trainFunction(net, layout, 'trainBatch', true), forwardOnlyFunction(net, layout, 'predict'), forwardOnlyFunction(net, layout, 'nodeValues')],
  });
}
