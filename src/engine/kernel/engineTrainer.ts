// The Trainer API over the pure engine: the fallback where WebAssembly is missing or a network is
// too large for a kernel, and the benchmark's "same API, reference arithmetic" baseline. It trains
// `net` itself.

import type { Example, TrainingSettings } from '../format/types';
import { KIND_INPUT, type Net } from '../compile';
import { evaluate } from '../evaluate';
import { forward } from '../pass';
import type { Rng } from '../random';
import { trainEpoch, trainInOrder } from '../train';
import type { Trainer } from './trainer';

/** f64s per example's x: the largest feature index an input reads, plus one */
export function inputStride(net: Net): number {
  let xStride = 1;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) xStride = Math.max(xStride, net.feature[k] + 1);
  return xStride;
}

export function createEngineTrainer(net: Net, initial: readonly Example[] = []): Trainer {
  let examples = initial;
  const xStride = inputStride(net);
  const checkIndices = (indices: ArrayLike<number>) => {
    for (let i = 0; i < indices.length; i++) {
      const idx = indices[i];
      if (!(Number.isInteger(idx) && idx >= 0 && idx < examples.length)) throw new RangeError(`example index ${idx} outside 0..${examples.length - 1}`);
    }
  };
  return {
    kind: 'js',
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
    trainEpoch: (settings: TrainingSettings, rng?: Rng) => trainEpoch(net, examples, settings, rng),
    sequential(indices, eta) {
      checkIndices(indices);
      return trainInOrder(net, examples, indices, eta);
    },
    batch: (eta) => trainEpoch(net, examples, { learningRate: eta, mode: 'batch', shuffle: false, seed: 0, epoch: 0 }),
    evaluate: () => evaluate(net, examples),
    weights(out = new Float64Array(net.numEdges)) {
      out.set(net.weights);
      return out;
    },
    setWeights(weights) {
      if (weights.length !== net.numEdges) throw new RangeError(`expected ${net.numEdges} weights, got ${weights.length}`);
      net.weights.set(weights);
    },
    velocity(out = new Float64Array(net.numEdges)) {
      out.set(net.velocity);
      return out;
    },
    setVelocity(velocity) {
      if (velocity.length !== net.numEdges) throw new RangeError(`expected ${net.numEdges} velocities, got ${velocity.length}`);
      net.velocity.set(velocity);
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
