// The Trainer API over the pure engine: the fallback where WebAssembly is missing or a network is
// too large for a kernel, and the benchmark's "same API, reference arithmetic" baseline. It trains
// `net` itself.

import type { Example, TrainingSettings } from '../format/types';
import { KIND_INPUT, type Net } from '../compile';
import { evaluate, evaluateSplit } from '../evaluate';
import { backward, forward } from '../pass';
import type { Rng } from '../random';
import { applyUpdate, firstCrossingOf, trainEpoch, trainInOrder, type EpochResult } from '../train';
import type { Trainer, UpdateOptions } from './trainer';

/**
 * sequential updates by η and a regulariser or momentum on examples[order[p]] (train.ts's batches
 * of one, made here because trainInOrder takes η alone), stopping before one that would diverge
 */
function updateInOrder(net: Net, examples: readonly Example[], order: ArrayLike<number>, eta: number, update: UpdateOptions): EpochResult {
  const settings = { ...update, learningRate: eta };
  let error = 0;
  for (let p = 0; p < order.length; p++) {
    const ex = examples[order[p]];
    net.gradSum.fill(0);
    forward(net, ex.x);
    const e = backward(net, ex.y);
    for (let i = 0; i < net.numEdges; i++) net.gradSum[i] += net.grad[i];
    const crossing = firstCrossingOf(net, net.gradSum, settings);
    if (crossing) return { error, divergence: { step: p, example: order[p], ...crossing } };
    applyUpdate(net, net.gradSum, settings);
    error += e;
  }
  return { error, divergence: null };
}

/** f64s per example's x: the largest feature index an input reads (x_i, or x_j of x_i·x_j), plus one */
export function inputStride(net: Net): number {
  let xStride = 1;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT) xStride = Math.max(xStride, net.feature[k] + 1, net.times[k] + 1);
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
    sequential(indices, eta, update) {
      checkIndices(indices);
      return update === undefined ? trainInOrder(net, examples, indices, eta) : updateInOrder(net, examples, indices, eta, update);
    },
    batch: (eta, update) => trainEpoch(net, examples, { ...update, learningRate: eta, mode: 'batch', shuffle: false, seed: 0, epoch: 0 }),
    evaluate: () => evaluate(net, examples),
    evaluateSplit: () => evaluateSplit(net, examples),
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
