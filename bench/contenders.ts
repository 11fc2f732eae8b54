// Everything the benchmark times, behind one interface: ours (the product's kernel and the pure
// engine it must equal) and the libraries a user could pick instead. Each starts from the same
// initial weights (each library's bias = our bias edge's weight) and trains on the same examples.

import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { compile, evaluate, trainEpoch, DEFAULT_TRAINING, type Example, type GraphDoc } from '../src/engine';
import { createTrainer, type Trainer } from '../src/engine/kernel';
import type { BenchNet } from './nets';

export interface Run {
  /** one pass over the examples (sequential: one update per example; batch: one update) */
  epoch(): void;
  /** E = Σ_i Σ_o (h_o − y_o)² by the contender's own forward pass */
  loss(): number;
  /** every weight finite */
  finite(): boolean;
  /** for a contender in another process: runs `epochs` epochs there and returns its own rate */
  measure?(epochs: number): number;
  /** for such a contender: E summed during its first epoch (its loss() is the last epoch's) */
  firstEpochError?(): number;
}

export interface Contender {
  name: string;
  mode: 'sequential' | 'batch';
  /** the η this contender trains with, when ours would break it (default: ours) */
  eta?: (ours: number) => number;
  supports(net: BenchNet): boolean;
  create(net: BenchNet, examples: Example[], eta: number): Run;
}

const allFinite = (ws: ArrayLike<number> | Iterable<number>): boolean => {
  for (const w of Array.from(ws)) if (!Number.isFinite(w)) return false;
  return true;
};

const sqErr = (h: number, y: number): number => (h - y) * (h - y);

// ------------------------------------------------------------------ ours

export function kernelContender(mode: Contender['mode']): Contender {
  return {
    name: mode === 'batch' ? 'ours: wasm kernel, batch' : 'ours: wasm kernel',
    mode,
    supports: () => true,
    create(net, examples, eta) {
      const trainer: Trainer = createTrainer(compile(net.doc), examples, { uses: 'training' }); // as the training worker builds it
      const settings = { ...DEFAULT_TRAINING, mode, learningRate: eta };
      const points = Float64Array.from(examples.flatMap((ex) => ex.x.slice(0, trainer.xStride)));
      return {
        epoch: () => void trainer.trainEpoch(settings),
        loss: () => trainer.predict(points, examples.length).reduce((e, h, i) => e + sqErr(h, examples[i].y[0]), 0),
        finite: () => allFinite(trainer.weights()),
      };
    },
  };
}

export function engineContender(mode: Contender['mode']): Contender {
  return {
    name: mode === 'batch' ? 'engine (pure TS CSR), batch' : 'engine (pure TS CSR)',
    mode,
    supports: () => true,
    create(net, examples, eta) {
      const n = compile(net.doc);
      const settings = { ...DEFAULT_TRAINING, mode, learningRate: eta };
      return {
        epoch: () => void trainEpoch(n, examples, settings),
        loss: () => evaluate(n, examples).error,
        finite: () => allFinite(n.weights),
      };
    },
  };
}

// ------------------------------------------------------------------ graph helpers for the anchors

interface Wiring {
  /** neuron ids in topological order */
  neurons: string[];
  output: string;
  /** incoming edges per neuron (bias edge separate) */
  incoming: Map<string, { source: string; weight: number }[]>;
  bias: Map<string, number>;
}

function wiring(doc: GraphDoc): Wiring {
  const net = compile(doc);
  const neurons = Array.from(net.order, (k) => net.nodeIds[k]).filter((id) => doc.nodes.find((n) => n.id === id)?.type === 'neuron');
  const biasId = doc.nodes.find((n) => n.type === 'bias')?.id;
  const incoming = new Map(neurons.map((id) => [id, [] as { source: string; weight: number }[]]));
  const bias = new Map(neurons.map((id) => [id, 0]));
  for (const e of doc.edges) {
    if (e.source === biasId) bias.set(e.target, e.weight);
    else incoming.get(e.target)!.push({ source: e.source, weight: e.weight });
  }
  return { neurons, output: net.nodeIds[net.outputNode[0]], incoming, bias };
}

const INPUT_IDS = ['in_x', 'in_y'];
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ synaptic 1.1 (generated code)

interface SynNeuron {
  bias: number;
  project(target: SynNeuron, weight: number): unknown;
  connections: { inputs: Record<string, { weight: number }> };
}
interface SynLayer {
  list: SynNeuron[];
}
interface SynNetwork {
  activate(input: number[]): number[];
  propagate(rate: number, target: number[]): void;
}
interface Synaptic {
  Layer: new (size: number) => SynLayer;
  Network: new (layers: { input: SynLayer; hidden: SynLayer[]; output: SynLayer }) => SynNetwork;
}

/** every neuron its own layer (so any DAG fits), connected neuron to neuron; per-example activate + propagate */
/**
 * synaptic and neataptic omit the output activation's derivative from the output delta (a
 * cross-entropy-style update), so our η makes their squared error rise on the larger nets: they
 * train with η/10 (SANE_ETA_SCALE); the 2-5-1 table also times them at η to show the rate does not depend on it.
 */
export const SANE_ETA_SCALE = 0.1;

export function withEta(contender: Contender, scale: number, label: string): Contender {
  return { ...contender, name: `${contender.name} ${label}`, eta: (ours) => ours * scale };
}

export const synapticContender: Contender = {
  name: 'synaptic 1.1',
  mode: 'sequential',
  eta: (ours) => ours * SANE_ETA_SCALE,
  supports: (net) => net.doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).length === 1,
  create(net, examples, eta) {
    const { Layer, Network } = require('synaptic') as Synaptic;
    const w = wiring(net.doc);
    const input = new Layer(2);
    const byId = new Map<string, SynNeuron>(INPUT_IDS.map((id, i) => [id, input.list[i]]));
    const layers = new Map(w.neurons.map((id) => [id, new Layer(1)]));
    for (const id of w.neurons) {
      const neuron = layers.get(id)!.list[0];
      neuron.bias = w.bias.get(id)!;
      byId.set(id, neuron);
    }
    for (const id of w.neurons) for (const e of w.incoming.get(id)!) byId.get(e.source)!.project(byId.get(id)!, e.weight);
    const hidden = w.neurons.filter((id) => id !== w.output).map((id) => layers.get(id)!);
    const network = new Network({ input, hidden, output: layers.get(w.output)! });
    const neurons = [...byId.values()];
    return {
      epoch() {
        for (const ex of examples) {
          network.activate(ex.x);
          network.propagate(eta, ex.y);
        }
      },
      loss: () => examples.reduce((e, ex) => e + sqErr(network.activate(ex.x)[0], ex.y[0]), 0),
      finite: () => allFinite(neurons.flatMap((n) => [n.bias, ...Object.values(n.connections.inputs).map((c) => c.weight)])),
    };
  },
};

// ------------------------------------------------------------------ neataptic 1.4

interface NeaNode {
  bias: number;
  squash: unknown;
  connect(target: NeaNode, weight: number): unknown;
}
interface NeaNetwork {
  activate(input: number[]): number[];
  propagate(rate: number, momentum: number, update: boolean, target: number[]): void;
  connections: { weight: number }[];
  nodes: NeaNode[];
}
interface Neataptic {
  Node: new (type?: string) => NeaNode;
  architect: { Construct(nodes: NeaNode[]): NeaNetwork };
  methods: { activation: { LOGISTIC: unknown } };
}

export const neatapticContender: Contender = {
  name: 'neataptic 1.4',
  mode: 'sequential',
  eta: (ours) => ours * SANE_ETA_SCALE,
  supports: (net) => net.doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).length === 1,
  create(net, examples, eta) {
    const { Node, architect, methods } = require('neataptic') as Neataptic;
    const w = wiring(net.doc);
    const byId = new Map<string, NeaNode>(INPUT_IDS.map((id) => [id, new Node('input')]));
    for (const id of w.neurons) {
      const node = new Node(id === w.output ? 'output' : 'hidden');
      node.bias = w.bias.get(id)!;
      node.squash = methods.activation.LOGISTIC;
      byId.set(id, node);
    }
    for (const id of w.neurons) for (const e of w.incoming.get(id)!) byId.get(e.source)!.connect(byId.get(id)!, e.weight);
    const network = architect.Construct([...INPUT_IDS, ...w.neurons].map((id) => byId.get(id)!));
    network.nodes.splice(0, INPUT_IDS.length, ...INPUT_IDS.map((id) => byId.get(id)!)); // Construct lists the inputs reversed
    return {
      epoch() {
        for (const ex of examples) {
          network.activate(ex.x);
          network.propagate(eta, 0, true, ex.y);
        }
      },
      loss: () => examples.reduce((e, ex) => e + sqErr(network.activate(ex.x)[0], ex.y[0]), 0),
      finite: () => allFinite([...network.connections.map((c) => c.weight), ...network.nodes.map((n) => n.bias)]),
    };
  },
};

// ------------------------------------------------------------------ brain.js 1.6 (layered only)

interface BrainNet {
  sizes: number[];
  weights: ArrayLike<number>[][];
  biases: ArrayLike<number>[];
  trainOpts: { learningRate: number; momentum: number };
  initialize(): void;
  setActivation(): void;
  trainPattern(value: { input: number[]; output: number[] }, logErrorRate?: boolean): unknown;
  run(input: number[]): number[];
}

/** brain.js's loss is ½Σ(h−y)², so its 2η is our η; momentum forced to 0 after construction */
export const brainContender: Contender = {
  name: 'brain.js 1.6',
  mode: 'sequential',
  supports: (net) => net.layers !== null,
  create(net, examples, eta) {
    const brain = require('brain.js') as { NeuralNetwork: new (opts: object) => BrainNet };
    const layers = net.layers!;
    const b = new brain.NeuralNetwork({ hiddenLayers: layers, activation: 'sigmoid' });
    b.sizes = [2, ...layers, 1];
    b.initialize();
    b.setActivation();
    b.trainOpts = { ...b.trainOpts, learningRate: 2 * eta, momentum: 0 };
    // layer l's neurons in our topological order are layer l's nodes
    const w = wiring(net.doc);
    const ids: string[][] = [INPUT_IDS];
    let start = 0;
    for (const size of [...layers, 1]) {
      ids.push(w.neurons.slice(start, start + size));
      start += size;
    }
    for (let l = 1; l < ids.length; l++) {
      ids[l].forEach((id, node) => {
        (b.biases[l] as number[])[node] = w.bias.get(id)!;
        const from = new Map(w.incoming.get(id)!.map((e) => [e.source, e.weight]));
        const row = b.weights[l][node] as number[];
        ids[l - 1].forEach((src, k) => (row[k] = from.get(src) ?? 0));
      });
    }
    const data = examples.map((ex) => ({ input: ex.x, output: ex.y }));
    return {
      epoch() {
        for (const d of data) b.trainPattern(d);
      },
      loss: () => examples.reduce((e, ex) => e + sqErr(b.run(ex.x)[0], ex.y[0]), 0),
      // layer 0 (the inputs) has no weights; the others are typed arrays, which flat() leaves whole
      finite: () => b.weights.slice(1).every((layer) => layer.every((node) => allFinite(node))) && b.biases.slice(1).every((layer) => allFinite(layer)),
    };
  },
};

// ------------------------------------------------------------------ TensorFlow.js, CPU backend (float32, layered only)

export function tfjsContender(mode: Contender['mode']): Contender {
  return {
    name: mode === 'batch' ? 'tfjs-cpu 4.22 (f32), batch' : 'tfjs-cpu 4.22 (f32)',
    mode,
    supports: (net) => net.layers !== null,
    create(net, examples, eta) {
      const layers = net.layers!;
      const w = wiring(net.doc);
      const model = tf.sequential();
      [...layers, 1].forEach((units, l) => model.add(tf.layers.dense({ units, activation: 'sigmoid', inputShape: l === 0 ? [2] : undefined })));
      let start = 0;
      let prev = INPUT_IDS;
      model.layers.forEach((layer, l) => {
        const size = [...layers, 1][l];
        const ids = w.neurons.slice(start, start + size);
        start += size;
        const kernel = prev.map((src) => ids.map((id) => w.incoming.get(id)!.find((e) => e.source === src)?.weight ?? 0));
        layer.setWeights([tf.tensor2d(kernel), tf.tensor1d(ids.map((id) => w.bias.get(id)!))]);
        prev = ids;
      });
      const xs = examples.map((ex) => tf.tensor2d([ex.x]));
      const ys = examples.map((ex) => tf.tensor2d([ex.y]));
      const allX = tf.tensor2d(examples.map((ex) => ex.x));
      const allY = tf.tensor2d(examples.map((ex) => ex.y));
      const optimizer = tf.train.sgd(eta);
      const lossOf = (x: tf.Tensor, y: tf.Tensor) => () => tf.sum(tf.square(tf.sub(model.predict(x) as tf.Tensor, y))) as tf.Scalar;
      return {
        epoch() {
          if (mode === 'batch') tf.tidy(() => void optimizer.minimize(lossOf(allX, allY)));
          else for (let i = 0; i < xs.length; i++) tf.tidy(() => void optimizer.minimize(lossOf(xs[i], ys[i])));
        },
        loss: () => tf.tidy(() => lossOf(allX, allY)().dataSync()[0]),
        finite: () => model.getWeights().every((t) => allFinite(t.dataSync())),
      };
    },
  };
}

export async function initTfjs(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
