// The Trainer API over the pure engine: the fallback where WebAssembly is missing or a network is
// too large for a kernel, and the benchmark's "same API, reference arithmetic" baseline.

import type { Example, TrainingSettings } from '../format/types';
import type { Net } from '../compile';
import { forward } from '../pass';
import { trainEpoch } from '../train';
import { KIND_INPUT } from '../compile';
import type { Rng } from '../random';
import type { Trainer } from './trainer';

export function createEngineTrainer(net: Net): Trainer {
  let examples: readonly Example[] = [];
  let xStride = 1;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) xStride = Math.max(xStride, net.feature[k] + 1);
  return {
    strategy: 'engine',
    numNodes: net.numNodes,
    numEdges: net.numEdges,
    numOutputs: net.numOutputs,
    xStride,
    memoryBytes: 0,
    get numExamples() {
      return examples.length;
    },
    setExamples(list) {
      examples = list;
    },
    trainEpoch: (settings: TrainingSettings, rng?: Rng) => trainEpoch(net, examples, settings, rng).error,
    trainSequential(indices, eta) {
      const picked: Example[] = [];
      for (let i = 0; i < indices.length; i++) {
        const idx = indices[i];
        if (!(idx >= 0 && idx < examples.length)) throw new RangeError(`example index ${idx} outside 0..${examples.length - 1}`);
        picked.push(examples[idx]);
      }
      return trainEpoch(net, picked, { learningRate: eta, mode: 'sequential', shuffle: false, seed: 0, epoch: 0 }).error;
    },
    trainBatch: (eta) => trainEpoch(net, examples, { learningRate: eta, mode: 'batch', shuffle: false, seed: 0, epoch: 0 }).error,
    getWeights(out = new Float64Array(net.numEdges)) {
      out.set(net.weights);
      return out;
    },
    setWeights(weights) {
      if (weights.length !== net.numEdges) throw new RangeError(`expected ${net.numEdges} weights, got ${weights.length}`);
      net.weights.set(weights);
    },
    predict(points, count, out = new Float64Array(count * net.numOutputs)) {
      for (let i = 0; i < count; i++) {
        forward(net, points.subarray(i * xStride, (i + 1) * xStride));
        for (let o = 0; o < net.numOutputs; o++) out[i * net.numOutputs + o] = net.z[net.outputNode[o]];
      }
      return out;
    },
    nodeValues(points, count, out = new Float32Array(count * net.numNodes)) {
      for (let i = 0; i < count; i++) {
        forward(net, points.subarray(i * xStride, (i + 1) * xStride));
        out.set(net.z, i * net.numNodes);
      }
      return out;
    },
  };
}
