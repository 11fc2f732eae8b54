// Which documents the WebAssembly kernel trains as the engine does: every valid version-2 one. It
// computes every activation, both losses (squared error; cross-entropy on one sigmoid output or
// on softmax outputs), derived inputs (their values from the engine's inputValues: inputView.ts),
// ablation, test examples, L1/L2, momentum, and sequential, mini-batch or batch updates. Should a
// document ask for what it does not compute, it trains with the pure engine, and this names the
// option: the one place that decides (the command line's train, and the app's training session).

import { LOSS_SQUARED, type Net } from '../compile';
import type { Example, TrainingSettings } from '../format/types';

/** null when the kernel computes everything this net, its examples and settings ask for; otherwise the option it does not */
export function kernelUnsupported(net: Net, examples: readonly Example[], settings: Partial<TrainingSettings>): string | null {
  void examples; // every example set: test examples are held but never trained (wasmTrainer.ts)
  void settings; // every mode, batch size, regulariser and momentum
  // the format allows softmax only on the outputs of a cross-entropy net; the kernel computes that loss alone for them
  if (net.softmax && net.loss === LOSS_SQUARED) return 'softmax outputs with the squared error';
  return null;
}
