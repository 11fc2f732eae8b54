import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, createRng, evaluate, evaluateSplit, forward, trainEpoch, trainEpochs, type EpochResult, type Evaluation, type GraphDoc, type TrainingSettings } from '../../../src/engine';
import { createTrainer, kernelUnsupported, type Trainer } from '../../../src/engine/kernel';
import { inputStride } from '../../../src/engine/kernel/engineTrainer';
import { arbitraryOptionsDoc, type OutputForm } from '../options';
import { TWO_FIVE_ONE, divergingNet, loadFixture } from '../helpers';

// Format version 2's options in the kernel: every activation, derived inputs, ablation, test
// examples, sequential, mini-batch and batch updates (and whatever else kernelUnsupported lets
// through) give the engine's float64 weights, errors, divergences, evaluation and outputs — the
// same bits, not close ones — in every kernel variant.

type Variant = Trainer['strategy'] | 'unrolled-scalar';
const VARIANTS: Variant[] = ['unrolled', 'unrolled-scalar', 'looped'];
const optionsOf = (variant: Variant) => (variant === 'unrolled-scalar' ? { strategy: 'unrolled' as const, simd: false } : { strategy: variant });

/** Object.is per element: tells 0 from −0 and matches NaN */
function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`${what} ${i}: kernel ${actual[i]} ≠ engine ${expected[i]}`);
  }
}

/** the epoch settings: every mode, batch sizes that leave a smaller last batch, shuffled or not, L1/L2 (λ = 0 too) and momentum */
const settingsArb: fc.Arbitrary<TrainingSettings> = fc.record({
  learningRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
  mode: fc.constantFrom<TrainingSettings['mode']>('sequential', 'minibatch', 'batch'),
  batchSize: fc.integer({ min: 1, max: 5 }),
  shuffle: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1000 }),
  epoch: fc.constant(0),
  regularization: fc.record({ kind: fc.constantFrom('none' as const, 'L1' as const, 'L2' as const), rate: fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.3, noNaN: true })) }),
  momentum: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.95, noNaN: true })),
});

/** momentum's velocities kept in the document (as a saved one has them) */
const withVelocities = (doc: GraphDoc, v: number[]): GraphDoc => ({ ...doc, edges: doc.edges.map((e, i) => ({ ...e, velocity: v[i % v.length] })) });

/** a document with some examples marked test */
const withTests = (doc: GraphDoc, flags: boolean[]): GraphDoc => ({
  ...doc,
  dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (flags[i % flags.length] ? { ...ex, test: true } : ex)) },
});

/** trains a kernel and the engine side by side for `epochs` epochs; compares everything a user sees */
function expectSameTraining(doc: GraphDoc, settings: TrainingSettings, variant: Variant, epochs = 3): void {
  const engine = compile(doc);
  const trainer = createTrainer(compile(doc), doc.dataset.examples, optionsOf(variant));
  expect(trainer.kind).toBe('wasm');
  for (let epoch = 0; epoch < epochs; epoch++) {
    const s = { ...settings, epoch };
    const [k, e]: EpochResult[] = [trainer.trainEpoch(s), trainEpoch(engine, doc.dataset.examples, s)];
    expect(Object.is(k.error, e.error), `epoch ${epoch} error ${k.error} vs ${e.error}`).toBe(true);
    expect(k.divergence).toEqual(e.divergence);
    expectSameBits(trainer.weights(), engine.weights, 'weight');
    expectSameBits(trainer.velocity(), engine.velocity, 'velocity');
    if (e.divergence) break;
  }
  const numbers = (e: Evaluation) => [e.error, e.meanError, e.accuracy, e.meanSquaredError];
  expectSameBits(numbers(trainer.evaluate()), numbers(evaluate(engine, doc.dataset.examples)), 'evaluation');
  const [split, expected] = [trainer.evaluateSplit(), evaluateSplit(engine, doc.dataset.examples)];
  expectSameBits([...numbers(split.train), ...numbers(split.test), split.testCount], [...numbers(expected.train), ...numbers(expected.test), expected.testCount], 'split evaluation');
  expectSameOutputs(doc, trainer, engine.weights);
}

/** predict's h and nodeValues' z (float32) at random points are the engine forward pass's */
function expectSameOutputs(doc: GraphDoc, trainer: Trainer, weights: Float64Array): void {
  const net = compile(doc);
  net.weights.set(weights);
  const stride = inputStride(net);
  expect(trainer.xStride).toBe(stride);
  const rng = createRng(11);
  const count = 9;
  const points = Float64Array.from({ length: count * stride }, () => 4 * rng.next() - 2);
  const h = trainer.predict(points, count);
  const z = trainer.nodeValues(points, count);
  for (let i = 0; i < count; i++) {
    forward(net, points.subarray(i * stride, (i + 1) * stride));
    for (let o = 0; o < net.numOutputs; o++) expect(Object.is(h[i * net.numOutputs + o], net.z[net.outputNode[o]])).toBe(true);
    for (let k = 0; k < net.numNodes; k++) expect(Object.is(z[i * net.numNodes + k], Math.fround(net.z[k]))).toBe(true);
  }
}

const docArb = (form: OutputForm) =>
  fc.record({
    doc: fc.boolean().chain((ablate) => arbitraryOptionsDoc({ form, ablate, maxExamples: 9 })),
    tests: fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }),
    velocities: fc.option(fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 9 })),
  });

const FORMS: OutputForm[] = ['squared', 'binary', 'softmax'];

describe.each(VARIANTS.flatMap((variant) => FORMS.map((form) => [variant, form] as const)))('the %s kernel on version-2 documents, %s outputs', (variant, form) => {
  it('trains derived inputs, every activation, ablation, test examples, every mode, L1, L2 and momentum to the engine’s bits', () => {
    fc.assert(
      fc.property(docArb(form), settingsArb, ({ doc, tests, velocities }, settings) => {
        const split = withTests(velocities ? withVelocities(doc, velocities) : doc, tests);
        expect(kernelUnsupported(compile(split), split.dataset.examples, settings)).toBeNull();
        expectSameTraining(split, settings, variant);
      }),
      { numRuns: 60 },
    );
  });
});

describe('kernelUnsupported never claims what the kernel does not compute', () => {
  const anyForm = fc.constantFrom<OutputForm>('squared', 'binary', 'softmax').chain(docArb);
  it('every arbitrary version-2 document and setting: null means the kernel gives the engine’s bits', () => {
    let claimed = 0;
    fc.assert(
      fc.property(anyForm, settingsArb, fc.constantFrom(...VARIANTS), ({ doc, tests, velocities }, settings, variant) => {
        const split = withTests(velocities ? withVelocities(doc, velocities) : doc, tests);
        if (kernelUnsupported(compile(split), split.dataset.examples, settings) !== null) return;
        claimed++;
        expectSameTraining(split, settings, variant);
      }),
      { numRuns: 200 },
    );
    expect(claimed).toBeGreaterThan(150); // the property was exercised, not skipped
  });
});

describe('divergence with a regulariser or momentum: the kernel stops at the engine’s update', () => {
  // the bound the kernel keeps of max |w| (limitCode.ts) grows by the rule's step too: with momentum
  // β·max|v|, with L2 2λ·max|w|; a bound too small would miss the update the engine stops at
  const cases: [string, Partial<TrainingSettings>][] = [
    ['momentum 0.9, sequential', { momentum: 0.9, learningRate: 0.05 }],
    ['L2 with 2ηλ > 2, sequential (the weights oscillate and grow)', { regularization: { kind: 'L2', rate: 4 }, learningRate: 0.3 }],
    ['L1 and momentum, mini-batches of 7', { regularization: { kind: 'L1', rate: 0.01 }, momentum: 0.8, mode: 'minibatch', batchSize: 7, learningRate: 0.05 }],
  ];
  it.each(VARIANTS.flatMap((variant) => cases.map(([name, extra]) => [variant, name, extra] as const)))('%s: %s', (variant, _name, extra) => {
    const doc = divergingNet();
    const settings = { ...doc.training, ...extra };
    const engine = compile(doc);
    const run = trainEpochs(engine, doc.dataset.examples, settings, 400);
    expect(run.divergence).not.toBeNull();
    const trainer = createTrainer(compile(doc), doc.dataset.examples, optionsOf(variant));
    let result = trainer.trainEpoch({ ...settings, epoch: 0 });
    let epoch = 0;
    while (!result.divergence && epoch < 399) result = trainer.trainEpoch({ ...settings, epoch: ++epoch });
    const { epoch: diverged, ...where } = run.divergence!;
    expect(epoch + 1).toBe(diverged);
    expect(result.divergence).toEqual(where);
    expectSameBits(trainer.weights(), engine.weights, 'weight');
    expectSameBits(trainer.velocity(), engine.velocity, 'velocity');
  });
});

describe('the divergence bound counts the rule’s own step', () => {
  // a saturated sigmoid output (σ' ≈ 0): the gradient's step is tiny, so only the velocity's or the
  // regulariser's term takes edge 16 past the limit: the kernel must not miss that update
  const saturated = (extra: Partial<GraphDoc['edges'][number]>): GraphDoc => {
    const doc = loadFixture(TWO_FIVE_ONE);
    return { ...doc, edges: doc.edges.map((e, i) => (i === 16 ? { ...e, weight: 1e5, ...extra } : e)) };
  };
  const cases: [string, GraphDoc, Partial<TrainingSettings>][] = [
    ['momentum carries a large saved velocity past the limit', saturated({ velocity: 3e5 }), { momentum: 0.99, learningRate: 1 }],
    ['L2 with 2ηλ = 3 doubles the weight each step, flipping its sign', saturated({}), { regularization: { kind: 'L2', rate: 1.5 }, learningRate: 1 }],
  ];
  it.each(VARIANTS.flatMap((variant) => cases.map(([name, doc, extra]) => [variant, name, doc, extra] as const)))('%s: %s', (variant, _name, doc, extra) => {
    const settings = { ...doc.training, ...extra };
    const engine = compile(doc);
    const expected = trainEpoch(engine, doc.dataset.examples, settings);
    expect(expected.divergence).toMatchObject({ edgeIndex: 16 });
    const trainer = createTrainer(compile(doc), doc.dataset.examples, optionsOf(variant));
    expect(trainer.trainEpoch(settings)).toEqual(expected);
    expectSameBits(trainer.weights(), engine.weights, 'weight');
    expectSameBits(trainer.velocity(), engine.velocity, 'velocity');
  });
});

describe('sequential() and batch() with a regulariser and momentum (the app steps through an epoch with them)', () => {
  it.each(VARIANTS)('%s: the engine trainer’s bits, which are trainEpoch’s', (variant) => {
    fc.assert(
      fc.property(docArb('squared'), settingsArb, ({ doc, velocities }, settings) => {
        const plain = velocities ? withVelocities(doc, velocities) : doc;
        const update = { regularization: settings.regularization, momentum: settings.momentum };
        const n = plain.dataset.examples.length;
        const order = Array.from({ length: 2 * n }, (_, i) => (i * 7) % n);
        const kernel = createTrainer(compile(plain), plain.dataset.examples, optionsOf(variant));
        const engine = createTrainer(compile(plain), plain.dataset.examples, { strategy: 'engine' });
        expect(kernel.sequential(order, settings.learningRate, update)).toEqual(engine.sequential(order, settings.learningRate, update));
        expectSameBits(kernel.weights(), engine.weights(), 'weight');
        expectSameBits(kernel.velocity(), engine.velocity(), 'velocity');
        expect(kernel.batch(settings.learningRate, update)).toEqual(engine.batch(settings.learningRate, update));
        expectSameBits(kernel.weights(), engine.weights(), 'weight');
        expectSameBits(kernel.velocity(), engine.velocity(), 'velocity');
        // the engine trainer's own sequential updates are the engine's epoch in file order
        const epoch = compile(plain);
        const sequentialEpoch = { ...settings, mode: 'sequential' as const, shuffle: false };
        const fresh = createTrainer(compile(plain), plain.dataset.examples, { strategy: 'engine' });
        expect(fresh.sequential(Array.from({ length: n }, (_, i) => i), settings.learningRate, update)).toEqual(trainEpoch(epoch, plain.dataset.examples, sequentialEpoch));
        expectSameBits(fresh.weights(), epoch.weights, 'weight');
      }),
      { numRuns: 40 },
    );
  });
});

describe('derived inputs read every feature they name', () => {
  it.each(VARIANTS)('%s: x₁·x₂ with no plain x₂ input still reads x₂ (the stride counts the product’s second feature)', (variant) => {
    const base = loadFixture(TWO_FIVE_ONE);
    const doc: GraphDoc = { ...base, nodes: base.nodes.map((n) => (n.type !== 'input' ? n : n.feature === 0 ? { ...n, transform: 'sin' as const } : { ...n, feature: 0, times: 1 })) };
    const settings = { ...doc.training, shuffle: true };
    expect(createTrainer(compile(doc), [], optionsOf(variant)).xStride).toBe(2);
    expectSameTraining(doc, settings, variant, 2);
  });
});
