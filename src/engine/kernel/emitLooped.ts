// The kernel for larger networks: code per neuron, but loops over its edges, so the code stays
// small enough to live in the instruction cache (fully unrolled code for thousands of edges
// streams hundreds of kilobytes of instructions per example). Values live in memory by
// topological position; each neuron's edges become runs of constant stride (a layer's weights,
// a layer's activations) looped without index arrays, or, when scattered, one loop over a table
// of addresses. Same operations in the same order as the engine: identical float64 results.

import { KIND_BIAS, KIND_INPUT, KIND_NEURON, type Net } from '../compile';
import { crossEntropy, emitBinaryCrossEntropy, emitSoftmax, emitSoftmaxCrossEntropy, outputLocals, predictStride, type OutputLocals } from './lossCode';
import { emitActivationOf } from './activationCode';
import { elementaryFuncs } from './elementaryCode';
import { Code, F64, I32, OP, encodeModule, type FuncDef } from './wasmWriter';
import { pointFunction, trainFunction } from './exampleLoop';
import type { Locals } from './locals';
import { buildsMaps, buildsTraining, type KernelUses } from './uses';
import { PLAIN_RULE, RULE_BYTES, emitEdgeUpdate, isPlain, type EdgeAt, type RuleLocals, type UpdateRule } from './updateRule';

export interface LoopedLayout {
  /** weights in incoming-edge (CSR) order: edge e lives in slot weightSlot[e] */
  weights: number;
  weightSlot: Int32Array;
  /** slots in the weight and gradient regions: one per edge */
  slots: number;
  gradSum: number;
  /** momentum's v per slot */
  velocity: number;
  z: number;
  dz: number;
  dh: number;
  de: number;
  /** the i32 where a training function writes the step it stopped at (−1: none; exampleLoop.ts) */
  stop: number;
  /** the update rule's λ, 2λ, β (updateRule.ts) */
  rule: number;
  end: number;
  xStride: number;
  yStride: number;
}

/** a pair of byte addresses (a value and a weight, or a weight and a value) */
type Pair = [number, number];
/** where an address comes from while emitting: a constant, or an i32 local */
type Addr = { at: number } | { local: number };

/** the locals the looped code uses: i32 pa, pb (a pair of addresses), pt (a table entry), c (a count); f64 acc, s, z, dz, f */
interface LoopLocals {
  pa: number;
  pb: number;
  pt: number;
  c: number;
  acc: number;
  s: number;
  z: number;
  dz: number;
  f: number;
  /** i32: the example's (or point's) x and y (or results) addresses */
  xb: number;
  yb: number;
  /** the f64 parameter η (−1 in forward-only code) */
  eta: number;
  /** training: the update rule's locals */
  rule: RuleLocals | null;
  /** cross-entropy: the outputs' s, softmax and loss locals (lossCode.ts) */
  out: OutputLocals | null;
}

function loopLocals(net: Net, locals: Locals, xb: number, yb: number, eta = -1, rule: RuleLocals | null = null): LoopLocals {
  const [pa, pb, pt, c] = locals.many(I32, 4);
  const [acc, s, z, dz, f] = locals.many(F64, 5);
  const out = crossEntropy(net) ? outputLocals(locals, net.numOutputs) : null;
  return { pa, pb, pt, c, acc, s, z, dz, f, xb, yb, eta, rule, out };
}

/** runs shorter than this are unrolled; a neuron with more runs than MAX_RUNS uses an address table */
const MIN_LOOP = 4;
const MAX_RUNS = 4;

class Emission {
  readonly pos: Int32Array;
  constructor(
    readonly net: Net,
    readonly layout: LoopedLayout,
    readonly code: Code,
    readonly L: LoopLocals,
    readonly tables: Pair[][],
    pos: Int32Array,
    readonly tableBase: number,
  ) {
    this.pos = pos;
  }

  load(a: Addr): Code {
    return 'at' in a ? this.code.i32(0).load(a.at) : this.code.get(a.local).load(0);
  }

  /** address of a store; the value follows, then storeAt(a) */
  storeAddr(a: Addr): Code {
    return 'at' in a ? this.code.i32(0) : this.code.get(a.local);
  }

  storeAt(a: Addr): Code {
    return this.code.store('at' in a ? a.at : 0);
  }

  /** body(a, b) for every pair, in order */
  forEachPair(pairs: Pair[], body: (a: Addr, b: Addr) => void): void {
    const runs = splitRuns(pairs);
    if (runs.length > MAX_RUNS && pairs.length > 2 * MIN_LOOP) return this.tableLoop(pairs, body);
    for (const run of runs) {
      if (run.length < MIN_LOOP) for (const [a, b] of run) body({ at: a }, { at: b });
      else this.stridedLoop(run, body);
    }
  }

  private stridedLoop(run: Pair[], body: (a: Addr, b: Addr) => void): void {
    const { code, L } = this;
    const da = run[1][0] - run[0][0];
    const db = run[1][1] - run[0][1];
    code.i32(run[0][0]).set(L.pa).i32(run[0][1]).set(L.pb).i32(run.length).set(L.c);
    code.loop();
    body({ local: L.pa }, { local: L.pb });
    code.get(L.pa).i32(da).op(OP.i32Add).set(L.pa);
    code.get(L.pb).i32(db).op(OP.i32Add).set(L.pb);
    code.get(L.c).i32(1).op(OP.i32Sub).tee(L.c).brIf(0).end();
  }

  private tableLoop(pairs: Pair[], body: (a: Addr, b: Addr) => void): void {
    const { code, L } = this;
    const offset = this.tableBase + 8 * this.tables.reduce((n, t) => n + t.length, 0);
    this.tables.push(pairs);
    code.i32(offset).set(L.pt).i32(pairs.length).set(L.c);
    code.loop();
    code.get(L.pt).loadI32(0).set(L.pa).get(L.pt).loadI32(4).set(L.pb);
    body({ local: L.pa }, { local: L.pb });
    code.get(L.pt).i32(8).op(OP.i32Add).set(L.pt);
    code.get(L.c).i32(1).op(OP.i32Sub).tee(L.c).brIf(0).end();
  }

  /** acc = Σ mem[a]·mem[b], from 0, in pair order */
  dot(pairs: Pair[]): void {
    const { code, L } = this;
    code.f64c(0).set(L.acc);
    this.forEachPair(pairs, (a, b) => {
      code.get(L.acc);
      this.load(a);
      this.load(b);
      code.op(OP.f64Mul).op(OP.f64Add).set(L.acc);
    });
  }

  zAddr(k: number): number {
    return this.layout.z + 8 * this.pos[k];
  }
  dzAddr(k: number): number {
    return this.layout.dz + 8 * this.pos[k];
  }
  dhAddr(k: number): number {
    return this.layout.dh + 8 * this.pos[k];
  }
  deAddr(k: number): number {
    return this.layout.de + 8 * this.pos[k];
  }
  wAddr(e: number): number {
    return this.layout.weights + 8 * this.layout.weightSlot[e];
  }

  /** (z_j, w_{j→k}) addresses of neuron k's incoming edges, in edge order */
  inPairs(k: number): Pair[] {
    const { net } = this;
    const pairs: Pair[] = [];
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) pairs.push([this.zAddr(net.inSrc[q]), this.wAddr(net.inEdge[q])]);
    return pairs;
  }

  /** (z_j, w_{j→k}) of neuron k's incoming edges that are updated (not frozen), regularised or not, in edge order */
  trainedInPairs(k: number, regularized?: boolean): Pair[] {
    const { net } = this;
    return this.inPairs(k).filter((_, i) => {
      const e = net.inEdge[net.inStart[k] + i];
      return net.frozen[e] === 0 && (regularized === undefined || (net.regularized[e] !== 0) === regularized);
    });
  }

  /** an edge's weight and velocity from a weight address */
  edgeAt(w: Addr): EdgeAt {
    const v = this.layout.velocity - this.layout.weights;
    if ('at' in w) return { base: () => this.code.i32(0), w: w.at, v: w.at + v };
    return { base: () => this.code.get(w.local), w: 0, v };
  }

  /** (∂h/∂s_m, w_{k→m}) addresses of neuron k's outgoing edges, in edge order (or ∂E/∂s_m's: `de`) */
  outPairs(k: number, de = false): Pair[] {
    const { net } = this;
    const pairs: Pair[] = [];
    for (let q = net.outStart[k]; q < net.outStart[k + 1]; q++) pairs.push([de ? this.deAddr(net.outDst[q]) : this.dhAddr(net.outDst[q]), this.wAddr(net.outEdge[q])]);
    return pairs;
  }
}

/** maximal runs of pairs whose addresses both advance by a constant step */
function splitRuns(pairs: Pair[]): Pair[][] {
  const runs: Pair[][] = [];
  let i = 0;
  while (i < pairs.length) {
    let j = i + 1;
    if (j < pairs.length) {
      const da = pairs[j][0] - pairs[i][0];
      const db = pairs[j][1] - pairs[i][1];
      while (j + 1 < pairs.length && pairs[j + 1][0] - pairs[j][0] === da && pairs[j + 1][1] - pairs[j][1] === db) j++;
      j++;
    }
    runs.push(pairs.slice(i, j));
    i = j;
  }
  return runs;
}

/** sources (inputs, bias) first, then the neurons in topological order */
function positions(net: Net): { pos: Int32Array; neurons: number[]; firstNeuron: number } {
  const pos = new Int32Array(net.numNodes);
  let next = 0;
  for (let p = 0; p < net.order.length; p++) if (net.kind[net.order[p]] !== KIND_NEURON) pos[net.order[p]] = next++;
  const firstNeuron = next;
  const neurons: number[] = [];
  for (let p = 0; p < net.order.length; p++) {
    const k = net.order[p];
    if (net.kind[k] === KIND_NEURON) {
      pos[k] = next++;
      neurons.push(k);
    }
  }
  return { pos, neurons, firstNeuron };
}

function emitForward(m: Emission, neurons: number[], derivatives: boolean): void {
  const { net, code, L } = m;
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_INPUT) code.i32(0).get(L.xb).load(8 * net.feature[k]).store(m.zAddr(k));
    else if (net.kind[k] === KIND_BIAS) code.i32(0).f64c(net.nodeOff[k] !== 0 ? 0 : 1).store(m.zAddr(k));
  }
  for (const k of neurons) {
    const o = net.outputIndex[k];
    if (net.nodeOff[k] !== 0) {
      // an off neuron: s = z = σ' = 0 (pass.ts)
      code.i32(0).f64c(0).store(m.zAddr(k));
      if (derivatives) code.i32(0).f64c(0).store(m.dzAddr(k));
      if (L.out && o >= 0) code.f64c(0).set(L.out.s[o]);
      continue;
    }
    m.dot(m.inPairs(k));
    code.get(L.acc).set(L.s);
    if (L.out && o >= 0) code.get(L.s).set(L.out.s[o]); // cross-entropy reads the outputs' s
    emitActivationOf(code, net.act[k], L.s, L.z, derivatives ? L.dz : -1);
    code.i32(0).get(L.z).store(m.zAddr(k));
    if (derivatives) code.i32(0).get(L.dz).store(m.dzAddr(k));
  }
  if (net.softmax && L.out) {
    // z_o = h_o, σ'_o = h_o(1 − h_o) at the outputs (softmax.ts)
    emitSoftmax(code, L.out);
    for (let o = 0; o < net.numOutputs; o++) {
      const k = net.outputNode[o];
      code.i32(0).get(L.out.h[o]).store(m.zAddr(k));
      if (derivatives) code.i32(0).get(L.out.h[o]).f64c(1).get(L.out.h[o]).op(OP.f64Sub).op(OP.f64Mul).store(m.dzAddr(k));
    }
  }
}

/** cross-entropy (pass.ts): ∂E/∂s_o = h_o − y_o at the outputs, (Σ_{k→m} ∂E/∂s_m · w_{k→m}) · σ'(s_k) before them */
function emitCrossEntropyBackward(m: Emission, neurons: number[]): void {
  const { net, code, L } = m;
  for (let i = neurons.length - 1; i >= 0; i--) {
    const k = neurons[i];
    const o = net.outputIndex[k];
    if (o >= 0) {
      code.i32(0).i32(0).load(m.zAddr(k)).get(L.yb).load(8 * o).op(OP.f64Sub).store(m.deAddr(k));
      continue;
    }
    m.dot(m.outPairs(k, true));
    code.i32(0).get(L.acc).i32(0).load(m.dzAddr(k)).op(OP.f64Mul).store(m.deAddr(k));
  }
}

function emitBackward(m: Emission, neurons: number[], firstNeuron: number): void {
  const { net, code, L, layout } = m;
  if (L.out) return emitCrossEntropyBackward(m, neurons);
  for (let o = 0; o < net.numOutputs; o++) {
    const target = net.outputNode[o];
    for (let i = neurons.length - 1; i >= 0; i--) {
      const k = neurons[i];
      if (k === target) {
        code.i32(0).i32(0).load(m.dzAddr(k)).store(m.dhAddr(k));
        continue;
      }
      m.dot(m.outPairs(k)); // Σ_{k→m} ∂h_o/∂s_m · w_{k→m}
      code.i32(0).get(L.acc).i32(0).load(m.dzAddr(k)).op(OP.f64Mul).store(m.dhAddr(k));
    }
    // f = 2(h_o − y_o); ∂E/∂s_k = (0 or ∂E/∂s_k) + f · ∂h_o/∂s_k over the neurons' positions
    code.f64c(2).i32(0).load(m.zAddr(target)).get(L.yb).load(8 * o).op(OP.f64Sub).op(OP.f64Mul).set(L.f);
    if (neurons.length === 0) continue;
    code.i32(8 * firstNeuron).set(L.pa).i32(neurons.length).set(L.c);
    code.loop();
    code.get(L.pa);
    if (o === 0) code.f64c(0);
    else code.get(L.pa).load(layout.de);
    code.get(L.f).get(L.pa).load(layout.dh).op(OP.f64Mul).op(OP.f64Add).store(layout.de);
    code.get(L.pa).i32(8).op(OP.i32Add).set(L.pa);
    code.get(L.c).i32(1).op(OP.i32Sub).tee(L.c).brIf(0).end();
  }
}

/** per neuron k: for each incoming edge not frozen, mem[w] ← w − η(∂E/∂s_k · z_j), or gradSum += ∂E/∂s_k · z_j */
function emitUpdates(m: Emission, neurons: number[], batch: boolean): void {
  const { code, L, layout } = m;
  if (!batch && L.rule && !isPlain(L.rule.rule)) return emitRuleUpdates(m, L.rule, neurons);
  const g = layout.gradSum - layout.weights;
  for (const k of neurons) {
    const trained = m.trainedInPairs(k); // ablated edges keep their weights
    if (trained.length === 0) continue;
    code.i32(0).load(m.deAddr(k)).set(L.f);
    m.forEachPair(trained, (z, w) => {
      const target: Addr = batch ? ('at' in w ? { at: w.at + g } : w) : w;
      const off = batch && !('at' in w) ? g : 0;
      m.storeAddr(target);
      if ('at' in target) code.i32(0).load(target.at);
      else code.get(target.local).load(off);
      if (!batch) code.get(L.eta);
      code.get(L.f);
      m.load(z);
      code.op(OP.f64Mul);
      if (batch) code.op(OP.f64Add).store('at' in target ? target.at : off);
      else code.op(OP.f64Mul).op(OP.f64Sub).store('at' in target ? target.at : 0);
    });
  }
}

/** sequential updates by a regulariser or momentum: per neuron, its regularised edges, then the others; g = 0 + ∂E/∂s_k · z_j as train.ts sums it */
function emitRuleUpdates(m: Emission, r: RuleLocals, neurons: number[]): void {
  const { code, L } = m;
  for (const k of neurons) {
    if (m.trainedInPairs(k).length === 0) continue;
    code.i32(0).load(m.deAddr(k)).set(L.f);
    for (const regularized of [true, false]) {
      m.forEachPair(m.trainedInPairs(k, regularized), (z, w) => {
        const gradient = () => {
          code.f64c(0).get(L.f);
          m.load(z);
          code.op(OP.f64Mul).op(OP.f64Add);
        };
        emitEdgeUpdate(code, r, L.eta, m.edgeAt(w), gradient, regularized);
      });
    }
  }
}

/** batch: the rule's update of every trained edge from its Σ_i ∂E_i/∂w (per neuron, regularised edges first) */
function emitRuleApply(m: Emission, r: RuleLocals, neurons: number[]): void {
  const { code, L, layout } = m;
  const g = layout.gradSum - layout.weights;
  for (const k of neurons) {
    for (const regularized of [true, false]) {
      const weights: Pair[] = m.trainedInPairs(k, regularized).map(([, w]) => [w, w]);
      m.forEachPair(weights, (w) => {
        const gradient = () => ('at' in w ? code.i32(0).load(w.at + g) : code.get(w.local).load(g));
        emitEdgeUpdate(code, r, L.eta, m.edgeAt(w), gradient, regularized);
      });
    }
  }
}

/** pushes Σ_k |∂E_i/∂s_k| · Σ_j |z_j| over the positions (neurons from firstNeuron on): no weight moved by more than |η| times this */
function emitStepBound(m: Emission, neurons: number, firstNeuron: number): void {
  const { code, L, layout, net } = m;
  const sumAbs = (base: number, first: number, count: number) => {
    code.f64c(0).set(L.acc);
    if (count === 0) return;
    code.i32(8 * first).set(L.pa).i32(count).set(L.c);
    code.loop();
    code.get(L.acc).get(L.pa).load(base).op(OP.f64Abs).op(OP.f64Add).set(L.acc);
    code.get(L.pa).i32(8).op(OP.i32Add).set(L.pa);
    code.get(L.c).i32(1).op(OP.i32Sub).tee(L.c).brIf(0).end();
  };
  sumAbs(layout.de, firstNeuron, neurons);
  code.get(L.acc).set(L.f);
  sumAbs(layout.z, 0, net.numNodes);
  code.get(L.f).get(L.acc).op(OP.f64Mul);
}

/** w ← w − η Σ_i ∂E_i/∂w, over all slots (a frozen edge's Σ stays 0; its caller restores it all the same) */
function emitBatchApply(m: Emission, neurons: number[]): void {
  const { code, L, layout, net } = m;
  if (L.rule && !isPlain(L.rule.rule)) return emitRuleApply(m, L.rule, neurons);
  if (net.numEdges === 0) return;
  code.i32(0).set(L.pa).i32(net.numEdges).set(L.c);
  code.loop();
  code.get(L.pa).get(L.pa).load(layout.weights).get(L.eta).get(L.pa).load(layout.gradSum).op(OP.f64Mul).op(OP.f64Sub).store(layout.weights);
  code.get(L.pa).i32(8).op(OP.i32Add).set(L.pa);
  code.get(L.c).i32(1).op(OP.i32Sub).tee(L.c).brIf(0).end();
}

/** trainSequential / trainBatch: the shared example loop (exampleLoop.ts) around looped passes */
function loopedTrainFunction(make: Maker, name: string, batch: boolean, neurons: number[], firstNeuron: number, rule: UpdateRule): FuncDef {
  return trainFunction(name, batch, make.layout, rule, ({ code, locals, eta, xb, yb, rule: ruleLocals }) => {
    const m = make(code, loopLocals(make.net, locals, xb, yb, eta, ruleLocals));
    const { net, L } = m;
    return {
      forward: () => emitForward(m, neurons, true),
      error: () => {
        if (L.out) return net.softmax ? emitSoftmaxCrossEntropy(code, L.out, L.yb) : emitBinaryCrossEntropy(code, L.out, L.yb);
        // E_i = Σ_o (h_o − y_o)² from 0
        code.f64c(0);
        for (let o = 0; o < net.numOutputs; o++) {
          code.i32(0).load(m.zAddr(net.outputNode[o])).get(L.yb).load(8 * o).op(OP.f64Sub).tee(L.s).get(L.s).op(OP.f64Mul).op(OP.f64Add);
        }
      },
      backward: () => emitBackward(m, neurons, firstNeuron),
      updates: () => emitUpdates(m, neurons, batch),
      stepBound: () => emitStepBound(m, neurons.length, firstNeuron),
      apply: () => emitBatchApply(m, neurons),
    };
  });
}

/** predict and nodeValues (z of every node as f32, point-major), as in emit.ts */
function loopedForwardOnlyFunction(make: Maker, neurons: number[], name: 'predict' | 'nodeValues'): FuncDef {
  const { layout, net } = make;
  const all = name === 'nodeValues';
  return pointFunction(name, 8 * layout.xStride, all ? 4 * net.numNodes : 8 * predictStride(net, layout.yStride), ({ code, locals, xb, out }) => {
    const m = make(code, loopLocals(net, locals, xb, out));
    const sums = m.L.out;
    return {
      forward: () => emitForward(m, neurons, false),
      store: () => {
        if (all) for (let k = 0; k < net.numNodes; k++) code.get(out).i32(0).load(m.zAddr(k)).storeF32(4 * k);
        else for (let o = 0; o < net.numOutputs; o++) code.get(out).i32(0).load(m.zAddr(net.outputNode[o])).store(8 * o);
        if (!all && sums) for (let o = 0; o < net.numOutputs; o++) code.get(out).get(sums.s[o]).store(8 * (net.numOutputs + o));
      },
    };
  });
}

/** an Emission of one function's code with its locals (all share the net, layout and address tables) */
type Maker = ((code: Code, L: LoopLocals) => Emission) & { layout: LoopedLayout; net: Net };

export function loopedLayout(net: Net, xStride: number, yStride: number): LoopedLayout {
  const E = 8 * net.numEdges;
  const N = 8 * net.numNodes;
  const weightSlot = new Int32Array(net.numEdges);
  for (let q = 0; q < net.numEdges; q++) weightSlot[net.inEdge[q]] = q;
  const stop = 3 * E + 4 * N;
  return { weights: 0, weightSlot, slots: net.numEdges, gradSum: E, velocity: 2 * E, z: 3 * E, dz: 3 * E + N, dh: 3 * E + 2 * N, de: 3 * E + 3 * N, stop, rule: stop + 8, end: stop + 8 + RULE_BYTES, xStride, yStride };
}

/** the module's bytes for `uses` (as emit.ts) and its layout (end grows by the address tables the emission needed) */
export function emitLoopedKernel(net: Net, xStride: number, yStride: number, uses: KernelUses = 'all', rule: UpdateRule = PLAIN_RULE): { bytes: Uint8Array; layout: LoopedLayout } {
  const layout = loopedLayout(net, xStride, yStride);
  const { pos, neurons, firstNeuron } = positions(net);
  const tables: Pair[][] = [];
  const make: Maker = Object.assign((code: Code, L: LoopLocals) => new Emission(net, layout, code, L, tables, pos, layout.end), { layout, net });
  const funcs = elementaryFuncs();
  if (buildsTraining(uses)) {
    funcs.push(loopedTrainFunction(make, 'trainSequential', false, neurons, firstNeuron, rule));
    funcs.push(loopedTrainFunction(make, 'trainBatch', true, neurons, firstNeuron, rule));
    funcs.push(loopedForwardOnlyFunction(make, neurons, 'predict'));
  }
  if (buildsMaps(uses)) funcs.push(loopedForwardOnlyFunction(make, neurons, 'nodeValues'));
  const flat = tables.flat();
  const table = new Int32Array(2 * flat.length);
  flat.forEach(([a, b], i) => {
    table[2 * i] = a;
    table[2 * i + 1] = b;
  });
  const tableBytes = new Uint8Array(table.buffer);
  const end = layout.end + tableBytes.length;
  const bytes = encodeModule({
    imports: [],
    memoryPages: Math.max(1, Math.ceil(end / 65536)),
    funcs,
    data: tableBytes.length > 0 ? [{ offset: layout.end, bytes: tableBytes }] : [],
  });
  return { bytes, layout: { ...layout, end } };
}
