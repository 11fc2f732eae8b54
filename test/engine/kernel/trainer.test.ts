import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  createRng,
  forward,
  generate,
  trainEpoch,
  type GraphDoc,
  type TrainingSettings,
  DEFAULT_TRAINING,
} from '../../../src/engine';
import { createTrainer, type Trainer } from '../../../src/engine/kernel';
import { TWO_FIVE_ONE, arbitraryDag, loadFixture } from '../helpers';

// The kernel must give the same float64 weights as the pure engine: not close, identical bits
// (it performs the same operations in the same order), on any loop-free graph, in both modes.

/** Object.is per element: also tells 0 from −0 and matches NaN */
function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`weight ${i}: kernel ${actual[i]} ≠ engine ${expected[i]}`);
  }
}

/** a kernel strategy, or the unrolled kernel without f64x2 pairs */
type Variant = Trainer['strategy'] | 'unrolled-scalar';
const options = (variant?: Variant) => (variant === 'unrolled-scalar' ? { strategy: 'unrolled' as const, simd: false } : { strategy: variant });

function trainBoth(doc: GraphDoc, settings: TrainingSettings, epochs: number, strategy?: Variant) {
  const engine = compile(doc);
  const trainer = createTrainer(compile(doc), options(strategy));
  trainer.setExamples(doc.dataset.examples);
  const errors: [number, number][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const s = { ...settings, epoch };
    errors.push([trainer.trainEpoch(s), trainEpoch(engine, doc.dataset.examples, s).error]);
  }
  return { engine: engine.weights, kernel: trainer.getWeights(), errors };
}

const modes = fc.record({
  mode: fc.constantFrom<TrainingSettings['mode']>('sequential', 'batch'),
  shuffle: fc.boolean(),
  learningRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

const STRATEGIES: Variant[] = ['unrolled', 'unrolled-scalar', 'looped', 'engine'];

describe.each(STRATEGIES)('kernel trainer, %s', (strategy) => {
  it('produces the engine’s exact weights and errors on random DAGs, sequential and batch', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 14, maxOutputs: 3 }), modes, (doc, m) => {
        const { engine, kernel, errors } = trainBoth(doc, { ...DEFAULT_TRAINING, ...m }, 4, strategy);
        expectSameBits(kernel, engine);
        for (const [k, e] of errors) expect(Object.is(k, e)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the engine over 300 epochs of the tutorial 2-5-1 on a circle, and the error falls', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = generate('circle', { count: 100, noise: 0.05, seed: 7 });
    const { engine, kernel, errors } = trainBoth(doc, { ...DEFAULT_TRAINING, learningRate: 0.5, shuffle: true }, 300, strategy);
    expectSameBits(kernel, engine);
    expect(errors[299][0]).toBeLessThan(errors[0][0] * 0.8);
  });

  it('predicts the outputs (and every node’s z, as float32) the engine’s forward pass computes, for every point', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 9, maxOutputs: 3 }), (doc) => {
        const net = compile(doc);
        const trainer = createTrainer(net, options(strategy));
        const rng = createRng(5);
        const count = 17;
        const points = Float64Array.from({ length: count * trainer.xStride }, () => 2 * rng.next() - 1);
        const h = trainer.predict(points, count);
        const all = trainer.nodeValues(points, count);
        for (let i = 0; i < count; i++) {
          forward(net, points.subarray(i * trainer.xStride, (i + 1) * trainer.xStride));
          for (let o = 0; o < net.numOutputs; o++) expect(Object.is(h[i * net.numOutputs + o], net.z[net.outputNode[o]])).toBe(true);
          for (let k = 0; k < net.numNodes; k++) expect(Object.is(all[i * net.numNodes + k], Math.fround(net.z[k]))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('trains the given visiting order, and setWeights/getWeights round-trip', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = generate('xor', { count: 10, noise: 0, seed: 1 });
    const engine = compile(doc);
    const trainer = createTrainer(compile(doc), options(strategy));
    trainer.setExamples(doc.dataset.examples);
    const order = [3, 3, 9, 0];
    const e = trainer.trainSequential(order, 0.3);
    const examples = order.map((i) => doc.dataset.examples[i]);
    expect(e).toBe(trainEpoch(engine, examples, { ...DEFAULT_TRAINING, learningRate: 0.3 }).error);
    expectSameBits(trainer.getWeights(), engine.weights);
    trainer.setWeights(new Float64Array(engine.numEdges).fill(0.25));
    expect(Array.from(trainer.getWeights())).toEqual(new Array(engine.numEdges).fill(0.25));
    expect(() => trainer.trainSequential([10], 0.3)).toThrow(RangeError);
    expect(() => trainer.setWeights([1, 2])).toThrow(RangeError);
  });

  it('holds 20,000 examples (the memory grows) with the same result', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = generate('spiral', { count: 20000, noise: 0.02, seed: 2 });
    const { engine, kernel } = trainBoth(doc, { ...DEFAULT_TRAINING }, 1, strategy);
    expectSameBits(kernel, engine);
  });
});

/** a layered net (long constant-stride runs: the looped kernel's strided loops) with a dense skip layer (its address tables) and two outputs */
function layeredWithSkips(): GraphDoc {
  const rng = createRng(3);
  const nodes: GraphDoc['nodes'] = [
    { id: 'b', type: 'bias' },
    { id: 'x0', type: 'input', feature: 0 },
    { id: 'x1', type: 'input', feature: 1 },
  ];
  const edges: GraphDoc['edges'] = [];
  const link = (source: string, target: string) => edges.push({ id: `e${edges.length}`, source, target, weight: rng.next() - 0.5 });
  const hidden = (l: number, j: number) => `h${l}_${j}`;
  for (let l = 0; l < 2; l++) {
    for (let j = 0; j < 12; j++) {
      nodes.push({ id: hidden(l, j), type: 'neuron', activation: l === 0 ? 'tanh' : 'sigmoid' });
      link('b', hidden(l, j));
      if (l === 0) ['x0', 'x1'].forEach((x) => link(x, hidden(0, j)));
      else for (let i = 0; i < 12; i++) link(hidden(0, i), hidden(1, j));
    }
  }
  for (let o = 0; o < 2; o++) {
    const id = `out${o}`;
    nodes.push({ id, type: 'neuron', activation: o === 0 ? 'sigmoid' : 'linear', output: o });
    link('b', id);
    for (let j = 0; j < 12; j++) link(hidden(1, j), id);
    for (let j = 11; j >= 0; j -= 2 + o) link(hidden(0, j), id); // scattered skips
    if (o === 1) link('out0', id);
  }
  const examples = generate('xor', { count: 40, noise: 0.05, seed: 4 }).map((ex) => ({ x: ex.x, y: [ex.y[0], -ex.y[0]] }));
  return { nodes, edges, dataset: { examples }, training: { ...DEFAULT_TRAINING } };
}

/** fully connected 2-6-6-2 (tanh, sigmoid; outputs sigmoid and linear): every hidden pair shares inputs and targets, the f64x2 paths' case */
function denseLayers(): GraphDoc {
  const rng = createRng(8);
  const nodes: GraphDoc['nodes'] = [
    { id: 'b', type: 'bias' },
    { id: 'x0', type: 'input', feature: 0 },
    { id: 'x1', type: 'input', feature: 1 },
  ];
  const edges: GraphDoc['edges'] = [];
  let previous = ['x0', 'x1'];
  [6, 6, 2].forEach((size, l) => {
    const layer = Array.from({ length: size }, (_, j) => `L${l}_${j}`);
    layer.forEach((id, j) => {
      const activation = l === 0 ? 'tanh' : l === 1 ? 'sigmoid' : j === 0 ? 'sigmoid' : 'linear';
      nodes.push(l === 2 ? { id, type: 'neuron', activation, output: j } : { id, type: 'neuron', activation });
      for (const source of ['b', ...previous]) edges.push({ id: `e${edges.length}`, source, target: id, weight: rng.next() - 0.5 });
    });
    previous = layer;
  });
  const examples = generate('circle', { count: 30, noise: 0.05, seed: 6 }).map((ex) => ({ x: ex.x, y: [ex.y[0], 0.5 - ex.y[0]] }));
  return { nodes, edges, dataset: { examples }, training: { ...DEFAULT_TRAINING } };
}

describe('kernel strategies agree on dense layers (paired lanes, shuffled weight blocks)', () => {
  it.each(['sequential', 'batch'] as const)('%s: every variant gives the engine’s weights', (mode) => {
    const doc = denseLayers();
    const settings = { ...DEFAULT_TRAINING, mode, learningRate: mode === 'batch' ? 0.01 : 0.2, shuffle: true };
    const engine = trainBoth(doc, settings, 25, 'engine');
    for (const strategy of ['unrolled', 'unrolled-scalar', 'looped'] as const) expectSameBits(trainBoth(doc, settings, 25, strategy).kernel, engine.kernel);
    expect(engine.errors[24][1]).toBeLessThan(engine.errors[0][1]);
  });
});

describe('kernel strategies agree on a layered net with skips and two outputs', () => {
  it.each(['sequential', 'batch'] as const)('%s: unrolled (with and without f64x2 pairs), looped and engine give identical weights', (mode) => {
    const doc = layeredWithSkips();
    const settings = { ...DEFAULT_TRAINING, mode, learningRate: mode === 'batch' ? 0.002 : 0.1, shuffle: true };
    const engine = trainBoth(doc, settings, 20, 'engine');
    for (const strategy of ['unrolled', 'unrolled-scalar', 'looped'] as const) expectSameBits(trainBoth(doc, settings, 20, strategy).kernel, engine.kernel);
    expect(engine.errors[19][1]).toBeLessThan(engine.errors[0][1]);
  });

  it('falls back to the engine where WebAssembly is missing, with the same results', () => {
    const doc = layeredWithSkips();
    const host = globalThis as { WebAssembly?: unknown };
    const saved = host.WebAssembly;
    let trainer: Trainer;
    try {
      host.WebAssembly = undefined;
      trainer = createTrainer(compile(doc));
    } finally {
      host.WebAssembly = saved;
    }
    expect(trainer.strategy).toBe('engine');
    const kernel = createTrainer(compile(doc));
    expect(kernel.strategy).toBe('unrolled');
    for (const t of [trainer, kernel]) {
      t.setExamples(doc.dataset.examples);
      for (let epoch = 0; epoch < 5; epoch++) t.trainEpoch({ ...DEFAULT_TRAINING, shuffle: true, epoch });
    }
    expectSameBits(trainer.getWeights(), kernel.getWeights());
  });
});

