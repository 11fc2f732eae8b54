// The one place the command line meets the engine's fast path: createTrainer from src/engine/kernel
// (the WebAssembly kernel, bit for bit the engine's weights), or the pure engine where no kernel
// can be built or the kernel does not compute one of the document's options, with the reason.
// Everything else in the CLI trains through this interface.

import { evaluateSplit, type EpochResult, type Example, type Net, type SplitEvaluation, type TrainingSettings } from '../../engine';
import { chooseStrategy, createTrainer, type Trainer } from '../../engine/kernel';
import { kernelUnsupported } from '../../engine/kernel';

export interface CliTrainer {
  /** 'kernel': the WebAssembly kernel; 'engine': the pure TypeScript engine (fallback) */
  readonly kind: 'kernel' | 'engine';
  /** why the kernel is not used (set only for the fallback) */
  readonly fallbackReason?: string;
  /** one epoch exactly as the engine's trainEpoch runs it (settings.epoch picks the shuffle order): Σ E_i during it, and where it diverged */
  epoch(settings: TrainingSettings): EpochResult;
  /** the trainer's current weights into net.weights */
  sync(): void;
  /** E, accuracy and MSE over the training and the test examples apart, at the current weights (the engine's numbers, bit for bit) */
  evaluate(): SplitEvaluation;
}

/**
 * `prefer: 'engine'` forces the fallback (tests, benchmarks). A document using an option the
 * kernel does not compute (kernelUnsupported) trains with the engine, with that as the reason.
 */
export function createCliTrainer(
  net: Net,
  examples: readonly Example[],
  prefer: 'kernel' | 'engine' = 'kernel',
  settings: Partial<TrainingSettings> = {},
): CliTrainer {
  const engine = (): CliTrainer => wrap(net, examples, createTrainer(net, examples, { strategy: 'engine' }));
  if (prefer === 'engine') return engine();
  const unsupported = kernelUnsupported(net, examples, settings);
  if (unsupported !== null) return { ...engine(), fallbackReason: `the kernel does not compute this yet: ${unsupported}` };
  try {
    return wrap(net, examples, createTrainer(net, examples, { strategy: chooseStrategy(net), uses: 'training' }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ...engine(), fallbackReason: reason };
  }
}

function wrap(net: Net, examples: readonly Example[], trainer: Trainer): CliTrainer {
  if (trainer.strategy === 'engine') {
    return { kind: 'engine', epoch: (settings) => trainer.trainEpoch(settings), sync: () => {}, evaluate: () => evaluateSplit(net, examples) };
  }
  return {
    kind: 'kernel',
    epoch: (settings) => trainer.trainEpoch(settings),
    sync: () => {
      trainer.weights(net.weights);
      trainer.velocity(net.velocity); // momentum's v, written back with the weights
    },
    evaluate: () => trainer.evaluateSplit(),
  };
}
