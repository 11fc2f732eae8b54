// Which documents the WebAssembly kernel trains as the engine does. The kernel of today computes
// version 1's math only (sigmoid, tanh, linear, relu; plain inputs; squared error; sequential or
// batch updates over every example); a document using any version-2 option trains with the pure
// engine, and this names the first option the kernel would ignore: the one place that decides
// (the command line's train, and the app's training session).

import { ACT_SOFTMAX } from '../activation';
import { KIND_NEURON, LOSS_SQUARED, type Net } from '../compile';
import { trainingOptions, type Example, type TrainingSettings } from '../format/types';


/** null when the kernel computes everything this net, its examples and settings ask for; otherwise the option it does not */
export function kernelUnsupported(net: Net, examples: readonly Example[], settings: Partial<TrainingSettings>): string | null {
  const options = trainingOptions(settings);
  for (let k = 0; k < net.numNodes; k++) {
    if (net.kind[k] === KIND_NEURON && net.act[k] === ACT_SOFTMAX) return `neuron '${net.nodeIds[k]}' is a softmax output: the loss is cross-entropy`;
    if (net.transform[k] !== 0 || net.times[k] >= 0) return `input '${net.nodeIds[k]}' is a derived input`;
    if (net.nodeOff[k] !== 0) return `node '${net.nodeIds[k]}' is switched off`;
  }
  for (let e = 0; e < net.numEdges; e++) if (net.edgeOff[e] !== 0) return `edge '${net.edgeIds[e]}' is switched off`;
  if (net.loss !== LOSS_SQUARED || net.softmax) return 'the loss is cross-entropy';
  if (options.mode === 'minibatch') return 'the mode is minibatch';
  if (options.regularization.kind !== 'none' && options.regularization.rate > 0) return `${options.regularization.kind} regularisation is on`;
  if (options.momentum > 0) return 'momentum is on';
  if (examples.some((ex) => ex.test === true)) return 'the dataset has test examples';
  return null;
}
