// The Trainer API over a per-network WebAssembly kernel (emit.ts, emitLooped.ts): the engine's
// float64 weights, E and accuracy, and its divergence check after every update.
//
// The kernel owns its weights while it trains: read them out with weights() and push edits in with
// setWeights(). Divergence is checked after every update (limitCode.ts): the kernel returns after
// any update that might have taken a weight past the limit, and the weights are scanned here; when
// one has, the weights before that update are restored by replaying the call's earlier updates
// from the weights it started with (the kernel is deterministic: the same bits).
//
// Version 2's options around the kernel: derived inputs arrive as rows of input values
// (inputView.ts); an edge switched off holds 0 in its slot (its weight is kept here, and no frozen
// edge is ever updated); test examples are held (evaluate() measures them) but never trained; a
// mini-batch is one trainBatch call per batch, the engine's order and sizes (train.ts). A
// regulariser or momentum is a second module with that update rule compiled in (updateRule.ts),
// built when an epoch first asks for it and sharing the first one's memory: weights, velocities
// and examples stay where they are; λ, 2λ and β are written to memory before each call.

import { trainingOptions, type Example, type TrainingSettings } from '../format/types';
import type { Net } from '../compile';
import { withinLimit, type Crossing } from '../divergence';
import { evaluateOutputs, type Evaluation, type SplitEvaluation } from '../evaluate';
import type { Rng } from '../random';
import { batchSizeOf, epochOrder, type EpochResult } from '../train';
import { inputStride } from './engineTrainer';
import { inputRows } from './inputView';
import { PLAIN_RULE, ruleKey, ruleOf, ruleParameters, type UpdateRule } from './updateRule';
import type { KernelPlan, KernelStrategy } from './plan';
import type { Trainer, UpdateOptions } from './trainer';
import { buildsMaps, buildsTraining } from './uses';
import { requireWasm, type WasmMemory, type WasmModule } from './wasmApi';

interface KernelExports {
  /** both return `error` + Σ E_i (exampleLoop.ts) */
  trainSequential(xPtr: number, yPtr: number, orderPtr: number, count: number, eta: number, error: number): number;
  trainBatch(xPtr: number, yPtr: number, orderPtr: number, count: number, eta: number, error: number): number;
  predict(xPtr: number, outPtr: number, count: number): void;
  nodeValues(xPtr: number, outPtr: number, count: number): void;
}

const PAGE = 65536;
const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export class WasmTrainer implements Trainer {
  readonly kind = 'wasm';
  readonly numNodes: number;
  readonly numEdges: number;
  readonly numOutputs: number;
  readonly xStride: number;
  readonly strategy: KernelStrategy;
  private readonly plan: KernelPlan;
  private readonly memory: WasmMemory;
  private readonly kernel: KernelExports;
  private readonly net: Net;
  /** builds the module for another update rule, with this one's layout */
  private readonly moduleFor: (rule: UpdateRule) => WasmModule;
  /** the instances by update rule (ruleKey), sharing this memory */
  private readonly kernels = new Map<string, KernelExports>();
  private examples: readonly Example[] = [];
  /** the held examples training uses (not marked test), by index */
  private trainIdx = new Int32Array(0);
  /** every edge's weight as last set or trained (a frozen edge's lives only here: its slot holds its live weight) */
  private readonly held: Float64Array;
  /** the edges not frozen by ablation, in edge order: the ones updated and checked for divergence */
  private readonly trained: Int32Array;
  /** the weight and velocity slots as a call found them (restored when it diverges) */
  private readonly start: Float64Array;
  private readonly startVelocity: Float64Array;
  /** byte offsets of the examples' x, y, their visiting order, and free memory after them */
  private xPtr: number;
  private yPtr: number;
  private orderPtr: number;
  private scratch: number;
  /** the examples' rows as the kernel reads them (x, or input values), and room for predict's outputs (evaluate) */
  private rows: Float64Array = new Float64Array(0);
  private outputs = new Float64Array(0);
  /** the outputs' s of the held examples (cross-entropy's evaluate) */
  private sums = new Float64Array(0);

  constructor(net: Net, plan: KernelPlan, module: WasmModule, moduleFor: (rule: UpdateRule) => WasmModule) {
    const wasm = requireWasm();
    this.net = net;
    this.plan = plan;
    this.strategy = plan.strategy;
    this.numNodes = net.numNodes;
    this.numEdges = net.numEdges;
    this.numOutputs = net.numOutputs;
    this.xStride = inputStride(net);
    this.start = new Float64Array(plan.slots);
    this.startVelocity = new Float64Array(plan.slots);
    this.moduleFor = moduleFor;
    this.held = new Float64Array(net.numEdges);
    this.trained = Int32Array.from({ length: net.numEdges }, (_, e) => e).filter((e) => net.frozen[e] === 0);
    this.memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(plan.end / PAGE)) });
    const instance = new wasm.Instance(module, { env: { memory: this.memory } });
    this.kernel = instance.exports as unknown as KernelExports;
    this.kernels.set(ruleKey(PLAIN_RULE), this.kernel);
    this.xPtr = this.yPtr = this.orderPtr = this.scratch = plan.end;
    this.setWeights(net.weights);
    this.setVelocity(net.velocity);
  }

  get numExamples(): number {
    return this.examples.length;
  }

  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  setExamples(examples: readonly Example[]): void {
    const n = examples.length;
    const { xStride, yStride, end } = this.plan;
    const raw = this.xStride;
    this.xPtr = end;
    this.yPtr = align8(this.xPtr + 8 * n * xStride);
    this.orderPtr = align8(this.yPtr + 8 * n * yStride);
    this.scratch = align8(this.orderPtr + 4 * n);
    this.reserve(this.scratch);
    const y = this.f64(this.yPtr, n * yStride);
    const points = new Float64Array(n * raw);
    examples.forEach((ex, i) => {
      for (let f = 0; f < raw; f++) points[i * raw + f] = ex.x[f] ?? 0;
      for (let o = 0; o < this.numOutputs; o++) y[i * yStride + o] = ex.y[o] ?? 0;
    });
    this.rows = this.plan.inputValues ? inputRows(this.net, points, raw, n, xStride) : points;
    this.f64(this.xPtr, n * xStride).set(this.rows);
    this.outputs = new Float64Array(n * this.numOutputs);
    this.sums = new Float64Array(n * this.numOutputs);
    this.examples = examples;
    const train: number[] = [];
    examples.forEach((ex, i) => ex.test !== true && train.push(i));
    this.trainIdx = Int32Array.from(train);
  }

  /** the engine's trainEpoch: the training examples in its order, in batches of its size (one example: sequential updates) */
  trainEpoch(settings: TrainingSettings, rng?: Rng): EpochResult {
    const options = trainingOptions(settings);
    const n = this.trainIdx.length;
    const order = epochOrder(n, options, rng);
    const size = batchSizeOf(options, n);
    const kernel = this.kernelOf(options);
    const visit = new Int32Array(this.memory.buffer, this.orderPtr, n);
    for (let p = 0; p < n; p++) visit[p] = this.trainIdx[order === null ? p : order[p]];
    if (size === 1 && options.mode !== 'batch') return this.runSequential(kernel, this.orderPtr, n, options.learningRate, (step) => (order === null ? step : order[step]));
    return this.runBatches(kernel, n, size, options.learningRate);
  }

  /** the training functions with this update rule compiled in (built on first use) */
  private kernelFor(rule: UpdateRule): KernelExports {
    const key = ruleKey(rule);
    const have = this.kernels.get(key);
    if (have) return have;
    this.training();
    const wasm = requireWasm();
    const kernel = new wasm.Instance(this.moduleFor(rule), { env: { memory: this.memory } }).exports as unknown as KernelExports;
    this.kernels.set(key, kernel);
    return kernel;
  }

  sequential(indices: ArrayLike<number>, eta: number, update?: UpdateOptions): EpochResult {
    const n = indices.length;
    let ptr = this.orderPtr;
    if (n > this.examples.length) {
      ptr = this.scratch; // a visiting order longer than the example set (repeats)
      this.reserve(ptr + 4 * n);
    }
    const order = new Int32Array(this.memory.buffer, ptr, n);
    for (let i = 0; i < n; i++) {
      const idx = indices[i];
      if (!(Number.isInteger(idx) && idx >= 0 && idx < this.examples.length)) throw new RangeError(`example index ${idx} outside 0..${this.examples.length - 1}`);
      order[i] = idx;
    }
    return this.runSequential(update === undefined ? this.training() : this.kernelOf(update), ptr, n, eta);
  }

  /** the kernel for these update options, their λ, 2λ, β written where it reads them */
  private kernelOf(update: UpdateOptions): KernelExports {
    const options = trainingOptions(update);
    this.f64(this.plan.rule, 3).set(ruleParameters(options));
    return this.kernelFor(ruleOf(options));
  }

  /** one batch update from the training examples, the engine's batch epoch */
  batch(eta: number, update?: UpdateOptions): EpochResult {
    return this.trainEpoch({ ...update, learningRate: eta, mode: 'batch', shuffle: false, seed: 0, epoch: 0 });
  }

  /**
   * the `n` visits at orderPtr in batches of `size` (the last one smaller): per batch Σ_i ∂E_i/∂w
   * from zero and one update, which is undone, ending the epoch, when it takes a weight past the limit
   */
  private runBatches(kernel: KernelExports, n: number, size: number, eta: number): EpochResult {
    const gradSum = this.f64(this.plan.gradSum, this.plan.slots);
    let error = 0;
    for (let from = 0, step = 0; from < n; from += size, step++) {
      gradSum.fill(0); // Σ_i ∂E_i/∂w starts at zero every batch
      this.saveStart();
      const batchError = kernel.trainBatch(this.xPtr, this.yPtr, this.orderPtr + 4 * from, Math.min(size, n - from), eta, 0);
      this.restoreFrozen();
      const crossing = this.firstBeyondLimit();
      if (crossing) {
        this.restoreStart();
        return { error, divergence: { step, example: null, ...crossing } };
      }
      error += batchError;
    }
    return { error, divergence: null };
  }

  evaluate(): Evaluation {
    const h = this.predictRows(this.rows, this.examples.length, this.outputs, this.sums);
    return evaluateOutputs(this.net, h, this.examples, this.plan.predictStride > this.numOutputs ? this.sums : undefined);
  }

  evaluateSplit(): SplitEvaluation {
    const h = this.predictRows(this.rows, this.examples.length, this.outputs, this.sums);
    const withS = this.plan.predictStride > this.numOutputs;
    const part = (test: boolean): Evaluation => {
      const m = this.numOutputs;
      const picked = this.examples.flatMap((ex, i) => ((ex.test === true) === test ? [i] : []));
      const [hs, ss] = [new Float64Array(picked.length * m), new Float64Array(picked.length * m)];
      picked.forEach((i, j) => {
        hs.set(h.subarray(i * m, (i + 1) * m), j * m);
        ss.set(this.sums.subarray(i * m, (i + 1) * m), j * m);
      });
      return evaluateOutputs(this.net, hs, picked.map((i) => this.examples[i]), withS ? ss : undefined);
    };
    const test = part(true);
    return { train: part(false), test, testCount: this.examples.length - this.trainIdx.length };
  }

  weights(out: Float64Array = new Float64Array(this.numEdges)): Float64Array {
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) out[e] = slots[slot[e]];
    else out.set(slots.subarray(0, this.numEdges));
    for (let e = 0; e < this.numEdges; e++) if (this.net.frozen[e] !== 0) out[e] = this.held[e];
    return out;
  }

  setWeights(weights: ArrayLike<number>): void {
    if (weights.length !== this.numEdges) throw new RangeError(`expected ${this.numEdges} weights, got ${weights.length}`);
    this.held.set(weights);
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) slots[slot[e]] = weights[e];
    else slots.set(weights);
    this.restoreFrozen();
  }

  velocity(out: Float64Array = new Float64Array(this.numEdges)): Float64Array {
    const slots = this.velocitySlots();
    const slot = this.plan.weightSlot;
    for (let e = 0; e < this.numEdges; e++) out[e] = slots[slot ? slot[e] : e];
    return out;
  }

  setVelocity(velocity: ArrayLike<number>): void {
    if (velocity.length !== this.numEdges) throw new RangeError(`expected ${this.numEdges} velocities, got ${velocity.length}`);
    const slots = this.velocitySlots();
    const slot = this.plan.weightSlot;
    for (let e = 0; e < this.numEdges; e++) slots[slot ? slot[e] : e] = velocity[e];
  }

  predict(points: Float64Array, count: number, out: Float64Array = new Float64Array(count * this.numOutputs)): Float64Array {
    return this.predictRows(this.rowsOf(points, count), count, out);
  }

  /** h of `count` rows into out (and, for cross-entropy, the outputs' s into `sums`), point-major */
  private predictRows(rows: Float64Array, count: number, out: Float64Array, sums?: Float64Array): Float64Array {
    const kernel = this.training();
    const m = this.numOutputs;
    const stride = this.plan.predictStride;
    const outPtr = this.loadRows(rows, count, 8 * count * stride);
    kernel.predict(this.scratch, outPtr, count);
    const written = this.f64(outPtr, count * stride);
    if (stride === m) {
      out.set(written);
      return out;
    }
    for (let i = 0; i < count; i++) {
      for (let o = 0; o < m; o++) {
        out[i * m + o] = written[i * stride + o];
        if (sums) sums[i * m + o] = written[i * stride + m + o];
      }
    }
    return out;
  }

  nodeValues(points: Float64Array, count: number, out: Float32Array = new Float32Array(count * this.numNodes)): Float32Array {
    if (!buildsMaps(this.plan.uses)) throw new Error('this kernel was built for training: it has no nodeValues (build it with uses "maps" or "all")');
    const outPtr = this.loadRows(this.rowsOf(points, count), count, 4 * count * this.numNodes);
    this.kernel.nodeValues(this.scratch, outPtr, count);
    out.set(new Float32Array(this.memory.buffer, outPtr, count * this.numNodes));
    return out;
  }

  /**
   * the kernel's sequential updates on the `n` example indices at `ptr`; when the update at step p
   * took a weight past the limit, the weights go back to before the call and steps 0 … p − 1 run
   * again: the weights before step p, and their Σ E_i
   */
  private runSequential(kernel: KernelExports, ptr: number, n: number, eta: number, exampleOf?: (step: number) => number): EpochResult {
    this.saveStart();
    const run = this.updatesUntilBeyond(kernel, ptr, n, eta);
    if (run.beyond === null) return { error: run.error, divergence: null };
    const { step, crossing } = run.beyond;
    const example = exampleOf ? exampleOf(step) : new Int32Array(this.memory.buffer, ptr, n)[step];
    this.restoreStart();
    const kept = this.updatesUntilBeyond(kernel, ptr, step, eta); // cannot cross: the same updates as before
    return { error: kept.error, divergence: { step, example, ...crossing } };
  }

  /**
   * steps 0 … n − 1, resumed after each one the kernel stopped at (its bound said "maybe"), until
   * one leaves a weight past the limit: that step, with its first such weight, or null
   */
  private updatesUntilBeyond(kernel: KernelExports, ptr: number, n: number, eta: number): { error: number; beyond: { step: number; crossing: Crossing } | null } {
    let error = 0;
    for (let done = 0; done < n; ) {
      error = kernel.trainSequential(this.xPtr, this.yPtr, ptr + 4 * done, n - done, eta, error);
      const stop = this.stoppedAt();
      if (stop < 0) break;
      const step = done + stop;
      const crossing = this.firstBeyondLimit();
      if (crossing) return { error, beyond: { step, crossing } };
      done = step + 1;
    }
    return { error, beyond: null };
  }

  /** the position the last trainSequential call stopped after, or −1 */
  private stoppedAt(): number {
    return new Int32Array(this.memory.buffer, this.plan.stop, 1)[0];
  }

  private training(): KernelExports {
    if (!buildsTraining(this.plan.uses)) throw new Error('this kernel was built for maps: it has no training functions (build it with uses "training" or "all")');
    return this.kernel;
  }

  private saveStart(): void {
    this.start.set(this.slots());
    this.startVelocity.set(this.velocitySlots());
  }

  private restoreStart(): void {
    this.slots().set(this.start);
    this.velocitySlots().set(this.startVelocity);
  }

  /** the first trained edge (edge order) whose weight is past the limit, or null: the engine checks no frozen edge */
  private firstBeyondLimit(): Crossing | null {
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    for (let i = 0; i < this.trained.length; i++) {
      const e = this.trained[i];
      const w = slots[slot ? slot[e] : e];
      if (!withinLimit(w)) return { edgeIndex: e, value: w };
    }
    return null;
  }

  /** a frozen edge's slot holds its live weight: 0 when the edge is off, else its kept weight */
  private restoreFrozen(): void {
    if (this.trained.length === this.numEdges) return;
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    for (let e = 0; e < this.numEdges; e++) {
      if (this.net.frozen[e] !== 0) slots[slot ? slot[e] : e] = this.net.edgeOff[e] !== 0 ? 0 : this.held[e];
    }
  }

  /** the kernel's rows for `count` points of xStride numbers: the points themselves, or their input values */
  private rowsOf(points: Float64Array, count: number): Float64Array {
    const n = count * this.xStride;
    if (points.length < n) throw new RangeError(`expected ${n} numbers for ${count} points, got ${points.length}`);
    return this.plan.inputValues ? inputRows(this.net, points, this.xStride, count, this.plan.xStride) : points;
  }

  /** copies `count` rows to the scratch region; returns where `outBytes` of results may go */
  private loadRows(rows: Float64Array, count: number, outBytes: number): number {
    const n = count * this.plan.xStride;
    const outPtr = align8(this.scratch + 8 * n);
    this.reserve(outPtr + outBytes);
    this.f64(this.scratch, n).set(rows.subarray(0, n));
    return outPtr;
  }

  private slots(): Float64Array {
    return this.f64(this.plan.weights, this.plan.slots);
  }

  private velocitySlots(): Float64Array {
    return this.f64(this.plan.velocity, this.plan.slots);
  }

  private f64(byteOffset: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, byteOffset, length);
  }

  /** grows the memory to hold `bytes` bytes */
  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}
