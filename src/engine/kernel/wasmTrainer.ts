// The Trainer API over a per-network WebAssembly kernel (emit.ts, emitLooped.ts): the engine's
// float64 weights, E and accuracy, and its divergence check after every update.
//
// The kernel owns its weights while it trains: read them out with weights() and push edits in with
// setWeights(). Divergence is checked after every update (limitCode.ts): the kernel returns after
// any update that might have taken a weight past the limit, and the weights are scanned here; when
// one has, the weights before that update are restored by replaying the call's earlier updates
// from the weights it started with (the kernel is deterministic: the same bits).

import type { Example, TrainingSettings } from '../format/types';
import type { Net } from '../compile';
import { firstBeyondLimit, type Crossing } from '../divergence';
import { evaluateOutputs, type Evaluation } from '../evaluate';
import { epochRng, shuffledOrder, type Rng } from '../random';
import type { EpochResult } from '../train';
import type { KernelPlan, KernelStrategy } from './plan';
import type { Trainer } from './trainer';
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
  private examples: readonly Example[] = [];
  /** the weight slots as a call found them (restored when it diverges) */
  private readonly start: Float64Array;
  /** byte offsets of the examples' x, y, their visiting order, and free memory after them */
  private xPtr: number;
  private yPtr: number;
  private orderPtr: number;
  private scratch: number;
  /** the examples' inputs as predict reads them, and room for its outputs (evaluate) */
  private points = new Float64Array(0);
  private outputs = new Float64Array(0);

  constructor(net: Net, plan: KernelPlan, module: WasmModule) {
    const wasm = requireWasm();
    this.net = net;
    this.plan = plan;
    this.strategy = plan.strategy;
    this.numNodes = net.numNodes;
    this.numEdges = net.numEdges;
    this.numOutputs = net.numOutputs;
    this.xStride = plan.xStride;
    this.start = new Float64Array(plan.slots);
    this.memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(plan.end / PAGE)) });
    const instance = new wasm.Instance(module, { env: { memory: this.memory } });
    this.kernel = instance.exports as unknown as KernelExports;
    this.xPtr = this.yPtr = this.orderPtr = this.scratch = plan.end;
    this.setWeights(net.weights);
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
    this.xPtr = end;
    this.yPtr = align8(this.xPtr + 8 * n * xStride);
    this.orderPtr = align8(this.yPtr + 8 * n * yStride);
    this.scratch = align8(this.orderPtr + 4 * n);
    this.reserve(this.scratch);
    const x = this.f64(this.xPtr, n * xStride);
    const y = this.f64(this.yPtr, n * yStride);
    this.points = new Float64Array(n * xStride);
    examples.forEach((ex, i) => {
      for (let f = 0; f < xStride; f++) x[i * xStride + f] = this.points[i * xStride + f] = ex.x[f] ?? 0;
      for (let o = 0; o < this.numOutputs; o++) y[i * yStride + o] = ex.y[o] ?? 0;
    });
    this.outputs = new Float64Array(n * this.numOutputs);
    this.examples = examples;
  }

  trainEpoch(settings: TrainingSettings, rng?: Rng): EpochResult {
    if (settings.mode === 'batch') return this.batch(settings.learningRate);
    if (settings.shuffle) return this.sequential(shuffledOrder(this.examples.length, rng ?? epochRng(settings.seed, settings.epoch)), settings.learningRate);
    const n = this.examples.length;
    this.writeIdentityOrder(n);
    return this.runSequential(this.orderPtr, n, settings.learningRate);
  }

  sequential(indices: ArrayLike<number>, eta: number): EpochResult {
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
    return this.runSequential(ptr, n, eta);
  }

  batch(eta: number): EpochResult {
    const kernel = this.training();
    this.f64(this.plan.gradSum, this.plan.slots).fill(0); // Σ_i ∂E_i/∂w starts at zero every epoch
    const n = this.examples.length;
    this.writeIdentityOrder(n);
    this.start.set(this.slots());
    const error = kernel.trainBatch(this.xPtr, this.yPtr, this.orderPtr, n, eta, 0);
    const crossing = firstBeyondLimit(this.weights());
    if (!crossing) return { error, divergence: null };
    this.slots().set(this.start);
    return { error: 0, divergence: { step: 0, example: null, ...crossing } };
  }

  evaluate(): Evaluation {
    const h = this.predict(this.points, this.examples.length, this.outputs);
    return evaluateOutputs(this.net, h, this.examples);
  }

  weights(out: Float64Array = new Float64Array(this.numEdges)): Float64Array {
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) out[e] = slots[slot[e]];
    else out.set(slots.subarray(0, this.numEdges));
    return out;
  }

  setWeights(weights: ArrayLike<number>): void {
    if (weights.length !== this.numEdges) throw new RangeError(`expected ${this.numEdges} weights, got ${weights.length}`);
    const slots = this.slots();
    const slot = this.plan.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) slots[slot[e]] = weights[e];
    else slots.set(weights);
  }

  predict(points: Float64Array, count: number, out: Float64Array = new Float64Array(count * this.numOutputs)): Float64Array {
    const kernel = this.training();
    const outPtr = this.loadPoints(points, count, 8 * count * this.numOutputs);
    kernel.predict(this.scratch, outPtr, count);
    out.set(this.f64(outPtr, count * this.numOutputs));
    return out;
  }

  nodeValues(points: Float64Array, count: number, out: Float32Array = new Float32Array(count * this.numNodes)): Float32Array {
    if (!buildsMaps(this.plan.uses)) throw new Error('this kernel was built for training: it has no nodeValues (build it with uses "maps" or "all")');
    const outPtr = this.loadPoints(points, count, 4 * count * this.numNodes);
    this.kernel.nodeValues(this.scratch, outPtr, count);
    out.set(new Float32Array(this.memory.buffer, outPtr, count * this.numNodes));
    return out;
  }

  /**
   * the kernel's sequential updates on the `n` example indices at `ptr`; when the update at step p
   * took a weight past the limit, the weights go back to before the call and steps 0 … p − 1 run
   * again: the weights before step p, and their Σ E_i
   */
  private runSequential(ptr: number, n: number, eta: number): EpochResult {
    this.start.set(this.slots());
    const run = this.updatesUntilBeyond(ptr, n, eta);
    if (run.beyond === null) return { error: run.error, divergence: null };
    const { step, crossing } = run.beyond;
    const example = new Int32Array(this.memory.buffer, ptr, n)[step];
    this.slots().set(this.start);
    const kept = this.updatesUntilBeyond(ptr, step, eta); // cannot cross: the same updates as before
    return { error: kept.error, divergence: { step, example, ...crossing } };
  }

  /**
   * steps 0 … n − 1, resumed after each one the kernel stopped at (its bound said "maybe"), until
   * one leaves a weight past the limit: that step, with its first such weight, or null
   */
  private updatesUntilBeyond(ptr: number, n: number, eta: number): { error: number; beyond: { step: number; crossing: Crossing } | null } {
    const kernel = this.training();
    let error = 0;
    for (let done = 0; done < n; ) {
      error = kernel.trainSequential(this.xPtr, this.yPtr, ptr + 4 * done, n - done, eta, error);
      const stop = this.stoppedAt();
      if (stop < 0) break;
      const step = done + stop;
      const crossing = firstBeyondLimit(this.weights());
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

  /** copies `count` points to the scratch region; returns where `outBytes` of results may go */
  private loadPoints(points: Float64Array, count: number, outBytes: number): number {
    const n = count * this.xStride;
    if (points.length < n) throw new RangeError(`expected ${n} numbers for ${count} points, got ${points.length}`);
    const outPtr = align8(this.scratch + 8 * n);
    this.reserve(outPtr + outBytes);
    this.f64(this.scratch, n).set(points.subarray(0, n));
    return outPtr;
  }

  private writeIdentityOrder(n: number): void {
    const order = new Int32Array(this.memory.buffer, this.orderPtr, n);
    for (let i = 0; i < n; i++) order[i] = i;
  }

  private slots(): Float64Array {
    return this.f64(this.plan.weights, this.plan.slots);
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
