// A compiled network's fast trainer: the per-network WebAssembly kernel (emit.ts, emitLooped.ts)
// behind the Trainer API, producing the engine's float64 weights.
//
// The kernel owns its weights while it trains: read them out with getWeights() (e.g. into
// net.weights, for evaluate/trace) and push edits in with setWeights().

import type { Example, TrainingSettings } from '../format/types';
import type { Net } from '../compile';
import { epochRng, shuffledOrder, type Rng } from '../random';
import { chooseStrategy, planKernel, type KernelPlan, type KernelStrategy } from './plan';
import { createEngineTrainer } from './engineTrainer';
import type { Trainer } from './trainer';
import { requireWasm, type WasmMemory, type WasmModule } from './wasmApi';

interface KernelExports {
  trainSequential(xPtr: number, yPtr: number, orderPtr: number, count: number, eta: number): number;
  trainBatch(xPtr: number, yPtr: number, orderPtr: number, count: number, eta: number): number;
  predict(xPtr: number, outPtr: number, count: number): void;
  nodeValues(xPtr: number, outPtr: number, count: number): void;
}

const PAGE = 65536;
const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export interface TrainerOptions {
  /** default: chooseStrategy(net), falling back to the engine if the kernel cannot be built */
  strategy?: KernelStrategy | 'engine';
  /** pair neurons in f64x2 lanes (default true; without WebAssembly SIMD the kernel goes without) */
  simd?: boolean;
}

/**
 * A trainer starting from net.weights (it trains `net` itself only when it falls back to the engine;
 * read results with getWeights). The kernel compiles synchronously: fine in workers and Node, while
 * Chromium's main thread allows only tiny synchronous compiles — there it falls back to the engine.
 * An explicit strategy is built as asked, or throws.
 */
export function createTrainer(net: Net, options: TrainerOptions = {}): Trainer {
  if (options.strategy === 'engine') return createEngineTrainer(net);
  if (options.strategy) return createKernelTrainer(net, options.strategy, options.simd ?? true);
  try {
    return createKernelTrainer(net, chooseStrategy(net), options.simd ?? true);
  } catch {
    return createEngineTrainer(net);
  }
}

function createKernelTrainer(net: Net, strategy: KernelStrategy, simd: boolean): Trainer {
  const wasm = requireWasm();
  let plan = planKernel(net, strategy, simd);
  let module: WasmModule;
  try {
    module = new wasm.Module(plan.bytes);
  } catch (err) {
    if (strategy !== 'unrolled' || !simd) throw err;
    plan = planKernel(net, strategy, false); // a host without WebAssembly SIMD
    module = new wasm.Module(plan.bytes);
  }
  return new WasmTrainer(net, plan, module);
}

class WasmTrainer implements Trainer {
  readonly numNodes: number;
  readonly numEdges: number;
  readonly numOutputs: number;
  readonly xStride: number;
  readonly strategy: KernelStrategy;
  private readonly layout: KernelPlan;
  private readonly memory: WasmMemory;
  private readonly kernel: KernelExports;
  private count = 0;
  /** byte offsets of the examples' x, y and visiting order */
  private xPtr: number;
  private yPtr: number;
  private orderPtr: number;
  private scratch: number;

  constructor(net: Net, plan: KernelPlan, module: WasmModule) {
    const wasm = requireWasm();
    this.layout = plan;
    this.strategy = plan.strategy;
    this.numNodes = net.numNodes;
    this.numEdges = net.numEdges;
    this.numOutputs = net.numOutputs;
    this.xStride = this.layout.xStride;
    this.memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(this.layout.end / PAGE)) });
    const instance = new wasm.Instance(module, { env: { memory: this.memory } });
    this.kernel = instance.exports as unknown as KernelExports;
    this.xPtr = this.yPtr = this.orderPtr = this.scratch = this.layout.end;
    this.setWeights(net.weights);
  }

  get numExamples(): number {
    return this.count;
  }

  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  setExamples(examples: readonly Example[]): void {
    const n = examples.length;
    const { xStride, yStride, end } = this.layout;
    this.xPtr = end;
    this.yPtr = align8(this.xPtr + 8 * n * xStride);
    this.orderPtr = align8(this.yPtr + 8 * n * yStride);
    this.scratch = align8(this.orderPtr + 4 * n);
    this.reserve(this.scratch);
    const x = this.f64(this.xPtr, n * xStride);
    const y = this.f64(this.yPtr, n * yStride);
    examples.forEach((ex, i) => {
      for (let f = 0; f < xStride; f++) x[i * xStride + f] = ex.x[f] ?? 0;
      for (let o = 0; o < this.numOutputs; o++) y[i * yStride + o] = ex.y[o] ?? 0;
    });
    this.count = n;
  }

  trainEpoch(settings: TrainingSettings, rng?: Rng): number {
    if (settings.mode === 'batch') return this.trainBatch(settings.learningRate);
    const order = settings.shuffle ? shuffledOrder(this.count, rng ?? epochRng(settings.seed, settings.epoch)) : null;
    if (order) return this.trainSequential(order, settings.learningRate);
    this.writeIdentityOrder(this.count);
    return this.kernel.trainSequential(this.xPtr, this.yPtr, this.orderPtr, this.count, settings.learningRate);
  }

  trainSequential(indices: ArrayLike<number>, eta: number): number {
    const n = indices.length;
    let ptr = this.orderPtr;
    if (n > this.count) {
      ptr = this.scratch; // a visiting order longer than the example set (repeats)
      this.reserve(ptr + 4 * n);
    }
    const order = new Int32Array(this.memory.buffer, ptr, n);
    for (let i = 0; i < n; i++) {
      const idx = indices[i];
      if (!(idx >= 0 && idx < this.count)) throw new RangeError(`example index ${idx} outside 0..${this.count - 1}`);
      order[i] = idx;
    }
    return this.kernel.trainSequential(this.xPtr, this.yPtr, ptr, n, eta);
  }

  trainBatch(eta: number): number {
    this.f64(this.layout.gradSum, this.layout.slots).fill(0); // Σ_i ∂E_i/∂w starts at zero every epoch
    this.writeIdentityOrder(this.count);
    return this.kernel.trainBatch(this.xPtr, this.yPtr, this.orderPtr, this.count, eta);
  }

  getWeights(out: Float64Array = new Float64Array(this.numEdges)): Float64Array {
    const slots = this.f64(this.layout.weights, this.layout.slots);
    const slot = this.layout.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) out[e] = slots[slot[e]];
    else out.set(slots);
    return out;
  }

  setWeights(weights: ArrayLike<number>): void {
    if (weights.length !== this.numEdges) throw new RangeError(`expected ${this.numEdges} weights, got ${weights.length}`);
    const slots = this.f64(this.layout.weights, this.layout.slots);
    const slot = this.layout.weightSlot;
    if (slot) for (let e = 0; e < this.numEdges; e++) slots[slot[e]] = weights[e];
    else slots.set(weights);
  }

  predict(points: Float64Array, count: number, out: Float64Array = new Float64Array(count * this.numOutputs)): Float64Array {
    const outPtr = this.loadPoints(points, count, 8 * count * this.numOutputs);
    this.kernel.predict(this.scratch, outPtr, count);
    out.set(this.f64(outPtr, count * this.numOutputs));
    return out;
  }

  nodeValues(points: Float64Array, count: number, out: Float32Array = new Float32Array(count * this.numNodes)): Float32Array {
    const outPtr = this.loadPoints(points, count, 4 * count * this.numNodes);
    this.kernel.nodeValues(this.scratch, outPtr, count);
    out.set(new Float32Array(this.memory.buffer, outPtr, count * this.numNodes));
    return out;
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

  private f64(byteOffset: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, byteOffset, length);
  }

  /** grows the memory to hold `bytes` bytes */
  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}
