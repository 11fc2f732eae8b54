// The one place the command line meets the engine's fast path: createTrainer from src/engine/kernel
// (the WebAssembly kernel, bit for bit the engine's weights), or the pure engine where no kernel
// can be built, with the reason. Everything else in the CLI trains through this interface.

import { evaluate, evaluateOutputs, type EpochResult, type Evaluation, type Example, type Net, type TrainingSettings } from '../../engine';
import { chooseStrategy, createTrainer, type Trainer } from '../../engine/kernel';

export interface CliTrainer {
  /** 'kernel': the WebAssembly kernel; 'engine': the pure TypeScript engine (fallback) */
  readonly kind: 'kernel' | 'engine';
  /** why the kernel could not be built (set only for the fallback) */
  readonly fallbackReason?: string;
  /** one epoch exactly as the engine's trainEpoch runs it (settings.epoch picks the shuffle order): Σ E_i during it, and where it diverged */
  epoch(settings: TrainingSettings): EpochResult;
  /** the trainer's current weights into net.weights */
  sync(): void;
  /** E and accuracy over the examples at the current weights (the engine's numbers, bit for bit) */
  evaluate(): Evaluation;
}

/** `prefer: 'engine'` forces the fallback (tests, benchmarks) */
export function createCliTrainer(net: Net, examples: readonly Example[], prefer: 'kernel' | 'engine' = 'kernel'): CliTrainer {
  if (prefer === 'engine') return wrap(net, examples, createTrainer(net, examples, { strategy: 'engine' }));
  try {
    return wrap(net, examples, createTrainer(net, examples, { strategy: chooseStrategy(net), uses: 'training' }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ...wrap(net, examples, createTrainer(net, examples, { strategy: 'engine' })), fallbackReason: reason };
  }
}

function wrap(net: Net, examples: readonly Example[], trainer: Trainer): CliTrainer {
  if (trainer.strategy === 'engine') {
    return { kind: 'engine', epoch: (settings) => trainer.trainEpoch(settings), sync: () => {}, evaluate: () => evaluate(net, examples) };
  }
  // the examples' inputs laid out as predict reads them, so evaluating costs forward passes in the kernel
  const points = new Float64Array(examples.length * trainer.xStride);
  examples.forEach((ex, i) => {
    for (let f = 0; f < trainer.xStride; f++) points[i * trainer.xStride + f] = ex.x[f] ?? 0;
  });
  const outputs = new Float64Array(examples.length * net.numOutputs);
  return {
    kind: 'kernel',
    epoch: (settings) => trainer.trainEpoch(settings),
    sync: () => void trainer.weights(net.weights),
    evaluate: () => evaluateOutputs(net, trainer.predict(points, examples.length, outputs), examples),
  };
}
