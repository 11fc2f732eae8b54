// Which documents the WebAssembly kernel trains as the engine does. The kernel computes every
// activation, derived inputs (their values computed by the engine's inputValues: inputView.ts),
// ablation, test examples, L1/L2 and momentum, and sequential, mini-batch or batch updates over the
// training examples;
// a document using an option it does not compute yet trains with the pure engine, and this names
// the first such option: the one place that decides (the command line's train, and the app's
// training session).

import { KIND_NEURON, LOSS_SQUARED, type Net } from '../compile';
import { ACT_SOFTMAX } from '../activation';
import type { Example, TrainingSettings } from '../format/types';

/** null when the kernel computes everything this net, its examples and settings ask for; otherwise the option it does not */
export function kernelUnsupported(net: Net, examples: readonly Example[], settings: Partial<TrainingSettings>): string | null {
  void examples; // every example set: test examples are held but never trained (wasmTrainer.ts)
  void settings; // every mode, batch size, regulariser and momentum
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_NEURON && net.act[k] === ACT_SOFTMAX) return `neuron '${net.nodeIds[k]}' is a softmax output: the loss is cross-entropy`;
  }
  if (net.loss !== LOSS_SQUARED || net.softmax) return 'the loss is cross-entropy';
  return null;
}
