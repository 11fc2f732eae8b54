import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  createRng,
  evaluate,
  forward,
  generate,
  trainEpoch,
  trainEpochs,
  type EpochResult,
  type GraphDoc,
  type TrainingSettings,
  DEFAULT_TRAINING,
} from '../../../src/engine';
import { createTrainer, planKernel, type Trainer } from '../../../src/engine/kernel';
import { TWO_FIVE_ONE, arbitraryDag, divergingNet, loadFixture } from '../helpers';
import { HIDDEN_ACTIVATIONS } from '../options';

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
  const trainer = createTrainer(compile(doc), doc.dataset.examples, options(strategy));
  const errors: [number, number][] = [];
  const divergences: [EpochResult['divergence'], EpochResult['divergence']][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const s = { ...settings, epoch };
    const [k, e] = [trainer.trainEpoch(s), trainEpoch(engine, doc.dataset.examples, s)];
    errors.push([k.error, e.error]);
    divergences.push([k.divergence, e.divergence]);
  }
  return { engine: engine.weights, kernel: trainer.weights(), errors, divergences };
}

const modes = fc.record({
  mode: fc.constantFrom<TrainingSettings['mode']>('sequential', 'batch'),
  shuffle: fc.boolean(),
  learningRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

const STRATEGIES: Variant[] = ['unrolled', 'unrolled-scalar', 'looped', 'engine'];

describe.each(STRATEGIES)('kernel trainer, %s', (strategy) => {
  it('produces the engine’s exact weights and errors on random DAGs with every activation, sequential and batch', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 14, maxOutputs: 3, activations: HIDDEN_ACTIVATIONS }), modes, (doc, m) => {
        const { engine, kernel, errors, divergences } = trainBoth(doc, { ...DEFAULT_TRAINING, ...m }, 4, strategy);
        expectSameBits(kernel, engine);
        for (const [k, e] of errors) expect(Object.is(k, e)).toBe(true);
        for (const [k, e] of divergences) expect(k).toEqual(e);
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
      fc.property(arbitraryDag({ maxNeurons: 9, maxOutputs: 3, activations: HIDDEN_ACTIVATIONS }), (doc) => {
        const net = compile(doc);
        const trainer = createTrainer(net, [], options(strategy));
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
    const trainer = createTrainer(compile(doc), doc.dataset.examples, options(strategy));
    const order = [3, 3, 9, 0];
    const e = trainer.sequential(order, 0.3);
    const examples = order.map((i) => doc.dataset.examples[i]);
    expect(e).toEqual(trainEpoch(engine, examples, { ...DEFAULT_TRAINING, learningRate: 0.3 }));
    expectSameBits(trainer.weights(), engine.weights);
    trainer.setWeights(new Float64Array(engine.numEdges).fill(0.25));
    expect(Array.from(trainer.weights())).toEqual(new Array(engine.numEdges).fill(0.25));
    expect(() => trainer.sequential([10], 0.3)).toThrow(RangeError);
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
      trainer = createTrainer(compile(doc), doc.dataset.examples);
    } finally {
      host.WebAssembly = saved;
    }
    expect([trainer.kind, trainer.strategy]).toEqual(['js', 'engine']);
    const kernel = createTrainer(compile(doc), doc.dataset.examples);
    expect([kernel.kind, kernel.strategy]).toEqual(['wasm', 'unrolled']);
    for (const t of [trainer, kernel]) {
      for (let epoch = 0; epoch < 5; epoch++) t.trainEpoch({ ...DEFAULT_TRAINING, shuffle: true, epoch });
    }
    expectSameBits(trainer.weights(), kernel.weights());
  });
});


describe('divergence in the kernel: checked after every update, as the engine does', () => {
  it.each(['unrolled', 'unrolled-scalar', 'looped', 'engine'] as const)('%s: the 2-3-3-3-3-2 at η = 0.3 stops at the engine’s step, names its weight and keeps its last good weights', (strategy) => {
    const doc = divergingNet();
    const engine = compile(doc);
    const run = trainEpochs(engine, doc.dataset.examples, doc.training, 300);
    expect(run.divergence).not.toBeNull();
    const trainer = createTrainer(compile(doc), doc.dataset.examples, options(strategy));
    let result = trainer.trainEpoch({ ...doc.training, epoch: 0 });
    let epoch = 0;
    while (!result.divergence && epoch < 299) result = trainer.trainEpoch({ ...doc.training, epoch: ++epoch });
    const { epoch: diverged, ...where } = run.divergence!;
    expect(epoch + 1).toBe(diverged);
    expect(result.divergence).toEqual(where);
    expectSameBits(trainer.weights(), engine.weights);
    // the epoch's Σ E_i over the updates made, as the engine counts it
    const again = compile(doc);
    trainEpochs(again, doc.dataset.examples, doc.training, epoch);
    expect(Object.is(result.error, trainEpoch(again, doc.dataset.examples, { ...doc.training, epoch }).error)).toBe(true);
  });

  it.each(['unrolled', 'looped'] as const)('%s: a batch update past the limit is not made', (strategy) => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const trainer = createTrainer(compile(doc), doc.dataset.examples, { strategy });
    const before = trainer.weights();
    const result = trainer.batch(1e9);
    const engine = compile(doc);
    expect(result).toEqual(trainEpoch(engine, doc.dataset.examples, { ...doc.training, mode: 'batch', learningRate: 1e9 }));
    expect(result.divergence?.example).toBeNull();
    expectSameBits(trainer.weights(), before);
  });

  it.each(['unrolled', 'looped'] as const)('%s: weights near the limit (every update scanned) train as the engine does, error sums included', (strategy) => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    net.weights[3] = 7e5; // past the kernel's bound for a scan (limitCode.ts), inside the limit
    const engine = compile(doc);
    engine.weights.set(net.weights);
    const trainer = createTrainer(net, doc.dataset.examples, { strategy });
    for (let epoch = 0; epoch < 3; epoch++) {
      const s = { ...doc.training, shuffle: true, learningRate: 0.05, epoch };
      expect(trainer.trainEpoch(s)).toEqual(trainEpoch(engine, doc.dataset.examples, s));
    }
    expectSameBits(trainer.weights(), engine.weights);
  });

  it('a weight already past the limit stops the first update, naming it', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    net.weights[7] = -3e6;
    const trainer = createTrainer(net, doc.dataset.examples);
    const result = trainer.sequential([2, 0], 0.1);
    expect(result.divergence).toMatchObject({ step: 0, example: 2, edgeIndex: 7 });
    expect(result.error).toBe(0);
    expect(trainer.weights()[7]).toBe(-3e6);
  });
});

describe('what a trainer holds and builds', () => {
  it.each(['unrolled', 'looped', 'engine'] as const)('%s: evaluate() is the engine’s E and accuracy, bit for bit', (strategy) => {
    const doc = denseLayers();
    const trainer = createTrainer(compile(doc), doc.dataset.examples, { strategy });
    const engine = compile(doc);
    for (let epoch = 0; epoch < 3; epoch++) {
      trainer.trainEpoch({ ...DEFAULT_TRAINING, shuffle: true, epoch });
      trainEpoch(engine, doc.dataset.examples, { ...DEFAULT_TRAINING, shuffle: true, epoch });
      const [ours, theirs] = [trainer.evaluate(), evaluate(engine, doc.dataset.examples)];
      expect(Object.is(ours.error, theirs.error) && Object.is(ours.meanError, theirs.meanError)).toBe(true);
      expect(ours.accuracy).toBe(theirs.accuracy);
    }
  });

  it('a training kernel has no map function, a map kernel no training, and each says so when asked', () => {
    const doc = layeredWithSkips();
    const training = createTrainer(compile(doc), doc.dataset.examples, { uses: 'training' });
    const maps = createTrainer(compile(doc), doc.dataset.examples, { uses: 'maps' });
    const points = new Float64Array(2 * training.xStride);
    expect(() => training.nodeValues(points, 2)).toThrow(/built for training/);
    expect(() => maps.sequential([0], 0.1)).toThrow(/built for maps/);
    expect(() => maps.evaluate()).toThrow(/built for maps/);
    expect(training.sequential([0, 1], 0.1).divergence).toBeNull();
    expect(maps.nodeValues(points, 2)).toHaveLength(2 * maps.numNodes);
    const net = compile(doc);
    const all = planKernel(net).bytes.length;
    expect(planKernel(net, { uses: 'training' }).bytes.length).toBeLessThan(all);
    expect(planKernel(net, { uses: 'maps' }).bytes.length).toBeLessThan(all);
  });
});
