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
import { createTrainer } from '../../../src/engine/kernel';
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

function trainBoth(doc: GraphDoc, settings: TrainingSettings, epochs: number) {
  const engine = compile(doc);
  const trainer = createTrainer(compile(doc));
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

describe('kernel trainer', () => {
  it('produces the engine’s exact weights and errors on random DAGs, sequential and batch', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 9, maxOutputs: 3 }), modes, (doc, m) => {
        const { engine, kernel, errors } = trainBoth(doc, { ...DEFAULT_TRAINING, ...m }, 4);
        expectSameBits(kernel, engine);
        for (const [k, e] of errors) expect(Object.is(k, e)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the engine over 300 epochs of the tutorial 2-5-1 on a circle, and the error falls', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = generate('circle', { count: 100, noise: 0.05, seed: 7 });
    const { engine, kernel, errors } = trainBoth(doc, { ...DEFAULT_TRAINING, learningRate: 0.5, shuffle: true }, 300);
    expectSameBits(kernel, engine);
    expect(errors[299][0]).toBeLessThan(errors[0][0] * 0.8);
  });

  it('predicts the outputs the engine’s forward pass computes, for every point', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 9, maxOutputs: 3 }), (doc) => {
        const net = compile(doc);
        const trainer = createTrainer(net);
        const rng = createRng(5);
        const count = 17;
        const points = Float64Array.from({ length: count * trainer.xStride }, () => 2 * rng.next() - 1);
        const h = trainer.predict(points, count);
        for (let i = 0; i < count; i++) {
          forward(net, points.subarray(i * trainer.xStride, (i + 1) * trainer.xStride));
          for (let o = 0; o < net.numOutputs; o++) expect(Object.is(h[i * net.numOutputs + o], net.z[net.outputNode[o]])).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('trains the given visiting order, and setWeights/getWeights round-trip', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = generate('xor', { count: 10, noise: 0, seed: 1 });
    const engine = compile(doc);
    const trainer = createTrainer(compile(doc));
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
    const { engine, kernel } = trainBoth(doc, { ...DEFAULT_TRAINING }, 1);
    expectSameBits(kernel, engine);
  });
});
