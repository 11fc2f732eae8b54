import { evaluate, evaluateOutputs, trainEpoch, trainExample, type Evaluation, type Net } from '../../../engine';
import { createTrainer } from '../../../engine/kernel';
import type { Example } from '../../../engine/format/types';

// Where the arithmetic of training runs: the engine's WebAssembly kernel when the host has
// WebAssembly (the same float64 weights, several times faster), else the engine's pure passes.
// Either way, after sync() net.weights holds the current weights.

export interface Backend {
  readonly kind: 'wasm' | 'js';
  /** sequential updates on the examples at `indices`, in order; returns Σ E_i (each before its update) */
  sequential(indices: Int32Array, eta: number): number;
  /** one batch update from all examples; returns Σ E_i at the old weights */
  batch(eta: number): number;
  /** the current weights into net.weights */
  sync(): void;
  /** replaces the weights (net.weights too) */
  setWeights(weights: Float64Array): void;
  /** E and accuracy over all the examples at the current weights (the engine's numbers, bit for bit) */
  evaluate(): Evaluation;
}

function jsBackend(net: Net, examples: readonly Example[]): Backend {
  return {
    kind: 'js',
    sequential(indices, eta) {
      let error = 0;
      for (let i = 0; i < indices.length; i++) {
        const ex = examples[indices[i]];
        error += trainExample(net, ex.x, ex.y, eta);
      }
      return error;
    },
    batch: (eta) =>
      trainEpoch(net, examples, { learningRate: eta, mode: 'batch', shuffle: false, seed: 0, epoch: 0 }).error,
    sync: () => {},
    setWeights: (weights) => net.weights.set(weights),
    evaluate: () => evaluate(net, examples),
  };
}

function wasmBackend(net: Net, examples: readonly Example[]): Backend {
  const trainer = createTrainer(net);
  trainer.setExamples(examples);
  // the examples' inputs as predict reads them, and room for its outputs: evaluating after every
  // epoch (the loss chart) costs forward passes in the kernel, not twice the epoch in the engine
  const points = new Float64Array(examples.length * trainer.xStride);
  examples.forEach((ex, i) => {
    for (let f = 0; f < trainer.xStride; f++) points[i * trainer.xStride + f] = ex.x[f] ?? 0;
  });
  const outputs = new Float64Array(examples.length * net.numOutputs);
  return {
    kind: trainer.strategy === 'engine' ? 'js' : 'wasm', // createTrainer falls back to the engine where it cannot build a kernel
    sequential: (indices, eta) => trainer.trainSequential(indices, eta),
    batch: (eta) => trainer.trainBatch(eta),
    sync: () => void trainer.getWeights(net.weights),
    setWeights: (weights) => {
      trainer.setWeights(weights);
      net.weights.set(weights);
    },
    evaluate: () => evaluateOutputs(net, trainer.predict(points, examples.length, outputs), examples),
  };
}

export function createBackend(net: Net, examples: readonly Example[], prefer: 'wasm' | 'js' = 'wasm'): Backend {
  if (prefer === 'wasm') {
    try {
      return wasmBackend(net, examples);
    } catch {
      // no WebAssembly here, or a net the kernel cannot emit: the pure engine computes the same
    }
  }
  return jsBackend(net, examples);
}
