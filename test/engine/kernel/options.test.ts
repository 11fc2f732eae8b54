import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, createRng, evaluate, forward, trainEpoch, type EpochResult, type GraphDoc, type TrainingSettings } from '../../../src/engine';
import { createTrainer, kernelUnsupported, type Trainer } from '../../../src/engine/kernel';
import { inputStride } from '../../../src/engine/kernel/engineTrainer';
import { arbitraryOptionsDoc, type OutputForm } from '../options';

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

/** the epoch settings: every mode, batch sizes that leave a smaller last batch, shuffled or not */
const settingsArb: fc.Arbitrary<TrainingSettings> = fc.record({
  learningRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
  mode: fc.constantFrom<TrainingSettings['mode']>('sequential', 'minibatch', 'batch'),
  batchSize: fc.integer({ min: 1, max: 5 }),
  shuffle: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1000 }),
  epoch: fc.constant(0),
});

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
    if (e.divergence) break;
  }
  const [ours, theirs] = [trainer.evaluate(), evaluate(engine, doc.dataset.examples)];
  expectSameBits([ours.error, ours.meanError, ours.accuracy, ours.meanSquaredError], [theirs.error, theirs.meanError, theirs.accuracy, theirs.meanSquaredError], 'evaluation');
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
  });

describe.each(VARIANTS)('the %s kernel on version-2 documents', (variant) => {
  it('trains derived inputs, every activation, ablation, test examples and every mode to the engine’s bits', () => {
    fc.assert(
      fc.property(docArb('squared'), settingsArb, ({ doc, tests }, settings) => {
        const split = withTests(doc, tests);
        expect(kernelUnsupported(compile(split), split.dataset.examples, settings)).toBeNull();
        expectSameTraining(split, settings, variant);
      }),
      { numRuns: 150 },
    );
  });
});

describe('kernelUnsupported never claims what the kernel does not compute', () => {
  const anyForm = fc.constantFrom<OutputForm>('squared', 'binary', 'softmax').chain(docArb);
  const anySettings = fc.record({
    base: settingsArb,
    regularization: fc.record({ kind: fc.constantFrom('none' as const, 'L1' as const, 'L2' as const), rate: fc.constantFrom(0, 0.001, 0.1) }),
    momentum: fc.constantFrom(0, 0.5, 0.9),
  });
  it('every arbitrary version-2 document and setting: null means the kernel gives the engine’s bits', () => {
    let claimed = 0;
    fc.assert(
      fc.property(anyForm, anySettings, fc.constantFrom(...VARIANTS), ({ doc, tests }, { base, regularization, momentum }, variant) => {
        const split = withTests(doc, tests);
        const settings = { ...base, regularization, momentum };
        if (kernelUnsupported(compile(split), split.dataset.examples, settings) !== null) return;
        claimed++;
        expectSameTraining(split, settings, variant);
      }),
      { numRuns: 200 },
    );
    expect(claimed).toBeGreaterThan(3); // the property was exercised, not skipped
  });
});
