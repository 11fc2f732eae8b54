// nodeValues with pairs of points in f64x2 lanes (decision maps and thumbnails: every node's z on
// a grid). Points go through the net in blocks of layout.blockPoints: node by node, in
// topological order, a loop over the block computes the node's z at PAIR_WAYS pairs of points per
// step, each pair in one f64x2, and keeps them in the block's memory (layout.pointBlock). Per
// pair, s_k = (0, 0) + z_j · splat(w_{j→k}) for each incoming edge in the scalar code's order
// (z_j · w_{j→k} is w_{j→k} itself for the bias, whose z is 1), so each lane adds the scalar code's
// doubles in its order; σ lane by lane (activationCode.ts); the bits are the engine's.
//
// What makes it fast, measured on the benchmark's nets: two points per f64x2 halve the sums'
// instructions; e^x and tanh run branch-free on both lanes (elementaryPairCode.ts), where the
// scalar code calls fdlibm per value; a node's loop is a few hundred bytes of code run several
// times in a row, hot in the instruction cache; and each step's PAIR_WAYS pairs are independent
// chains of dependent operations (a sum's additions, e^x's steps), emitted interleaved, so the CPU
// overlaps them.
//
// Past a block's last point, lanes repeat it (computed, never stored). Where a lane's e^x or tanh
// is outside the inline code's range (NaN, ±∞, |x| ≥ 708 for e^x), the scalar nodeValues redoes
// the block. The block's z go to the output (f32, point-major, as the scalar nodeValues writes)
// after its last node.

import { KIND_BIAS, KIND_INPUT, type Net } from '../../compile';
import type { KernelLayout } from '../layout';
import { Locals } from '../locals';
import { Code, I32, OP, SIMD, V128, type FuncDef } from '../wasmWriter';
import { emitActivationPairsOf } from './activationPairs';
import { PAIR_WAYS } from './blocks';
import { emitPairConstantsSetup, pairLocals, type PairLocals } from './elementaryPairCode';

/** incoming edges between the stores that pace a sum (emitNeuronStep) */
const EDGES_PER_STORE = 2;

/** the locals of nodeValuesPairFunction */
interface PointPairLocals {
  /** parameters xPtr, outPtr, count */
  x: number;
  out: number;
  count: number;
  /**
   * i32: i (the block's first point), its point count, the bytes of its pairs, and of its steps
   * (the pairs rounded up to a whole step), p (byte offset of a pair), the rows of a pair's points
   */
  i: number;
  points: number;
  pairBytes: number;
  stepBytes: number;
  p: number;
  rowA: number;
  rowB: number;
  /** v128: a weight, per way: s, z, a scratch; the mask, constants and scratch of exp and tanh */
  w: number;
  s: number[];
  z: number[];
  scratch: number[];
  elementary: PairLocals;
}

function pointPairLocals(locals: Locals): PointPairLocals {
  const [x, out, count] = [0, 1, 2].map((p) => locals.param(p));
  const [i, points, pairBytes, stepBytes, p, rowA, rowB] = locals.many(I32, 7);
  const w = locals.v128();
  const [s, z, scratch] = [0, 1, 2].map(() => locals.many(V128, PAIR_WAYS));
  return { x, out, count, i, points, pairBytes, stepBytes, p, rowA, rowB, w, s, z, scratch, elementary: pairLocals(locals, PAIR_WAYS) };
}

/**
 * nodeValues(xPtr, outPtr, count) as the scalar one: z_k of point i (x at xPtr + i·xStride·8) as
 * f32 at outPtr + (i·n + k)·4; `scalarNodeValues` is that function's index (it redoes the blocks
 * the f64x2 code cannot)
 */
export function nodeValuesPairFunction(net: Net, layout: KernelLayout, scalarNodeValues: number): FuncDef {
  const n = net.numNodes;
  const locals = new Locals([I32, I32, I32]);
  const L = pointPairLocals(locals);
  const stepBytes = 16 * PAIR_WAYS;
  /** memarg offset of node k's z at the pair p + 16u (p in a local) */
  const zAt = (k: number, u = 0) => layout.pointBlock + 8 * layout.blockPoints * k + 16 * u;
  const code = new Code();
  emitPairConstantsSetup(code, L.elementary, layout.constants);
  code.block().loop();
  code.get(L.i).get(L.count).op(OP.i32GeU).brIf(1);
  // points = min(blockPoints, count − i); pairBytes = 16·⌈points / 2⌉; stepBytes: up to a whole step
  const remaining = () => code.get(L.count).get(L.i).op(OP.i32Sub);
  remaining();
  code.i32(layout.blockPoints);
  remaining();
  code.i32(layout.blockPoints).op(OP.i32LtU).op(OP.select).tee(L.points);
  code.i32(1).op(OP.i32Add).i32(1).op(OP.i32ShrU).i32(4).op(OP.i32Shl).tee(L.pairBytes);
  code.i32(stepBytes - 1).op(OP.i32Add).i32(-stepBytes).op(OP.i32And).set(L.stepBytes);
  code.onesV().set(L.elementary.ok);
  // inputs (and the bias, z = 1) into the block, for every pair of its steps
  emitBlockLoop(code, L.p, 16, L.stepBytes, () => {
    emitPairRows(code, L, L.x, 8 * layout.xStride);
    for (let k = 0; k < n; k++) {
      const f = 8 * net.feature[k];
      if (net.kind[k] === KIND_INPUT) code.get(L.p).get(L.rowB).get(L.rowA).loadSplat(f).loadLane(f, 1).storeV(zAt(k));
      else if (net.kind[k] === KIND_BIAS) code.get(L.p).f64x2c(1).storeV(zAt(k));
    }
  });
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] !== KIND_INPUT && net.kind[k] !== KIND_BIAS) emitBlockLoop(code, L.p, stepBytes, L.pairBytes, () => emitNeuronStep(code, net, layout, L, k, zAt));
  }
  // every node's z to the output rows of the block's points
  emitBlockLoop(code, L.p, 16, L.pairBytes, () => {
    emitPairRows(code, L, L.out, 4 * n);
    for (let k = 0; k < n; k++) {
      code.get(L.p).loadV(zAt(k)).simd(SIMD.f32x4DemoteF64x2Zero).set(L.w);
      code.get(L.rowB).get(L.w).storeF32Lane(4 * k, 1).get(L.rowA).get(L.w).storeF32Lane(4 * k, 0);
    }
  });
  // a lane exp or tanh could not do: the scalar code redoes the block
  code.get(L.elementary.ok).simd(SIMD.i64x2AllTrue).op(OP.i32Eqz).if();
  code.get(L.x).get(L.i).i32(8 * layout.xStride).op(OP.i32Mul).op(OP.i32Add);
  code.get(L.out).get(L.i).i32(4 * n).op(OP.i32Mul).op(OP.i32Add).get(L.points).call(scalarNodeValues);
  code.end();
  code.get(L.i).i32(layout.blockPoints).op(OP.i32Add).set(L.i);
  code.br(0).end().end();
  return {
    name: 'nodeValues',
    type: { params: [I32, I32, I32], results: [] },
    locals: locals.types,
    body: code,
  };
}

/**
 * one step of neuron k's loop: its sums at PAIR_WAYS pairs of points from the z_j in the block's
 * memory, σ, and z back to memory. Every EDGES_PER_STORE edges the partial sums are stored (to
 * where z goes): V8 schedules arithmetic next to its first use, so without a use in between, every
 * z_j would be loaded up front and spilled, and the sums computed at the end.
 */
function emitNeuronStep(code: Code, net: Net, layout: KernelLayout, L: PointPairLocals, k: number, zAt: (k: number, u?: number) => number): void {
  L.s.forEach((s) => code.zeroV().set(s));
  for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) {
    const j = net.inSrc[q];
    code.i32(0).loadSplat(layout.weights + 8 * layout.weightSlot[net.inEdge[q]]).set(L.w);
    if (net.kind[j] === KIND_BIAS) {
      L.s.forEach((s) => code.get(s).get(L.w).simd(SIMD.f64x2Add).set(s));
    } else {
      L.s.forEach((s, u) => code.get(s).get(L.p).loadV(zAt(j, u)).get(L.w).simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(s));
    }
    if ((q - net.inStart[k] + 1) % EDGES_PER_STORE === 0) L.s.forEach((s, u) => code.get(L.p).get(s).storeV(zAt(k, u)));
  }
  emitActivationPairsOf(code, net.act[k], L.s, L.z, { elementary: L.elementary, scratch: L.scratch });
  L.z.forEach((z, u) => code.get(L.p).get(z).storeV(zAt(k, u)));
}

/** `p = 0; do { body } while ((p += step) < end)`: over a block (end > 0) */
function emitBlockLoop(code: Code, p: number, step: number, end: number, body: () => void): void {
  code.i32(0).set(p).loop();
  body();
  code.get(p).i32(step).op(OP.i32Add).tee(p).get(end).op(OP.i32LtU).brIf(0).end();
}

/**
 * the rows of the pair at byte offset p of the block: rowA = base + (i + 2j)·stride and
 * rowB = rowA + stride (j = p/16), each at most the block's last point, i + points − 1
 */
function emitPairRows(code: Code, L: PointPairLocals, base: number, stride: number): void {
  const row = (lane: number, local: number) => {
    const index = () => {
      code.get(L.p).i32(3).op(OP.i32ShrU);
      if (lane) code.i32(lane).op(OP.i32Add);
    };
    code.get(base);
    index();
    code.get(L.points).i32(1).op(OP.i32Sub);
    index();
    code.get(L.points).op(OP.i32LtU).op(OP.select); // min(2j + lane, points − 1)
    code.get(L.i).op(OP.i32Add).i32(stride).op(OP.i32Mul).op(OP.i32Add).set(local);
  };
  row(0, L.rowA);
  row(1, L.rowB);
}
