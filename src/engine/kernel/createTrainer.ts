// The one way to get a Trainer: the network's WebAssembly kernel where the host can build it, the
// pure engine where it cannot (no WebAssembly, or a module the host refuses). Either gives the
// engine's float64 weights, E and accuracy; `kind` says which runs.

import type { Example } from '../format/types';
import type { Net } from '../compile';
import { createEngineTrainer } from './engineTrainer';
import { chooseStrategy, planKernel, type KernelStrategy } from './plan';
import type { Trainer } from './trainer';
import type { KernelUses } from './uses';
import { WasmTrainer } from './wasmTrainer';
import { requireWasm, type WasmModule } from './wasmApi';

export interface TrainerOptions {
  /** default: chooseStrategy(net), falling back to the engine if the kernel cannot be built */
  strategy?: KernelStrategy | 'engine';
  /** f64x2 code (default true; without WebAssembly SIMD the kernel goes without) */
  simd?: boolean;
  /** which functions to build (default 'all'): a training worker needs 'training', a map worker 'maps' */
  uses?: KernelUses;
}

/**
 * A trainer starting from net.weights, holding `examples` (setExamples replaces them). The kernel
 * trains weights of its own (read them with weights()); the engine fallback trains `net` itself.
 * The kernel compiles synchronously: fine in workers and Node, while Chromium's main thread allows
 * only tiny synchronous compiles — there it falls back to the engine. An explicit strategy is built
 * as asked, or throws.
 */
export function createTrainer(net: Net, examples: readonly Example[] = [], options: TrainerOptions = {}): Trainer {
  const trainer = chooseTrainer(net, options);
  trainer.setExamples(examples);
  return trainer;
}

function chooseTrainer(net: Net, options: TrainerOptions): Trainer {
  if (options.strategy === 'engine') return createEngineTrainer(net);
  if (options.strategy) return createKernelTrainer(net, options.strategy, options);
  try {
    return createKernelTrainer(net, chooseStrategy(net), options);
  } catch {
    return createEngineTrainer(net);
  }
}

function createKernelTrainer(net: Net, strategy: KernelStrategy, options: TrainerOptions): Trainer {
  const wasm = requireWasm();
  const { simd = true, uses = 'all' } = options;
  const built = { strategy, simd, uses };
  let plan = planKernel(net, built);
  let module: WasmModule;
  try {
    module = new wasm.Module(plan.bytes);
  } catch (err) {
    if (strategy !== 'unrolled' || !simd) throw err;
    built.simd = false; // a host without WebAssembly SIMD
    plan = planKernel(net, built);
    module = new wasm.Module(plan.bytes);
  }
  // another update rule (regulariser, momentum): the same layout, built when first used
  return new WasmTrainer(net, plan, module, (rule) => new wasm.Module(planKernel(net, { ...built, rule }).bytes));
}
