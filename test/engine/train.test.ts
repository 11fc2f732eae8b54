// Sequential and batch gradient descent against a naive reference built on referencePass.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  createRng,
  DEFAULT_TRAINING,
  epochRng,
  shuffledOrder,
  trainEpoch,
  trainEpochs,
  trainExample,
  type Example,
  type GraphDoc,
  type TrainingSettings,
} from '../../src/engine';
import { arbitraryDag, expectClose, loadFixture, referencePass, TWO_FIVE_ONE } from './helpers';

const withWeights = (doc: GraphDoc, w: Map<string, number>): GraphDoc => ({
  ...doc,
  edges: doc.edges.map((e) => ({ ...e, weight: w.get(e.id)! })),
});

/** sequential: w ← w − η ∂E_i/∂w after each example, in the given order */
function naiveSequential(doc: GraphDoc, order: number[], eta: number): Map<string, number> {
  const w = new Map(doc.edges.map((e) => [e.id, e.weight]));
  for (const i of order) {
    const ex = doc.dataset.examples[i];
    const { grad } = referencePass(withWeights(doc, w), ex.x, ex.y);
    for (const [id, g] of grad) w.set(id, w.get(id)! - eta * g);
  }
  return w;
}

/** batch: w ← w − η Σ_i ∂E_i/∂w, every gradient at the old w */
function naiveBatch(doc: GraphDoc, eta: number): Map<string, number> {
  const sum = new Map(doc.edges.map((e) => [e.id, 0]));
  for (const ex of doc.dataset.examples) {
    for (const [id, g] of referencePass(doc, ex.x, ex.y).grad) sum.set(id, sum.get(id)! + g);
  }
  return new Map(doc.edges.map((e) => [e.id, e.weight - eta * sum.get(e.id)!]));
}

const settings = (over: Partial<TrainingSettings>): TrainingSettings => ({ ...DEFAULT_TRAINING, ...over });

function expectWeights(actual: Float64Array, doc: GraphDoc, expected: Map<string, number>) {
  doc.edges.forEach((e, i) => expectClose(actual[i], expected.get(e.id)!, 1e-11));
}

describe('trainEpoch', () => {
  it('sequential mode updates after each example, in file order', () => {
    fc.assert(
      fc.property(arbitraryDag(), (doc) => {
        const net = compile(doc);
        const order = doc.dataset.examples.map((_, i) => i);
        trainEpoch(net, doc.dataset.examples, settings({ learningRate: 0.3 }));
        expectWeights(net.weights, doc, naiveSequential(doc, order, 0.3));
      }),
      { numRuns: 100 },
    );
  });

  it('batch mode applies the summed gradient once, taken at the old weights, twice in a row', () => {
    fc.assert(
      fc.property(arbitraryDag(), (doc) => {
        const net = compile(doc);
        const s = settings({ mode: 'batch', learningRate: 0.2 });
        trainEpoch(net, doc.dataset.examples, s);
        const after1 = naiveBatch(doc, 0.2);
        expectWeights(net.weights, doc, after1);
        trainEpoch(net, doc.dataset.examples, s); // the accumulator must start from zero again
        expectWeights(net.weights, doc, naiveBatch(withWeights(doc, after1), 0.2));
      }),
      { numRuns: 100 },
    );
  });

  it('returns Σ E_i measured during the epoch', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const expected = doc.dataset.examples.reduce((sum, ex) => sum + referencePass(doc, ex.x, ex.y).error, 0);
    expectClose(trainEpoch(net, doc.dataset.examples, settings({ mode: 'batch' })).error, expected);
  });

  it('shuffle visits the examples in the seeded order of that epoch', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    doc.dataset.examples = doc.dataset.examples.slice(0, 8);
    const s = settings({ shuffle: true, seed: 7, epoch: 3, learningRate: 0.5 });
    const net = compile(doc);
    trainEpoch(net, doc.dataset.examples, s);
    const order = Array.from(shuffledOrder(8, epochRng(7, 3)));
    expect(order).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expectWeights(net.weights, doc, naiveSequential(doc, order, 0.5));
    // an explicit rng is used as given
    const net2 = compile(doc);
    trainEpoch(net2, doc.dataset.examples, s, createRng(99));
    expectWeights(net2.weights, doc, naiveSequential(doc, Array.from(shuffledOrder(8, createRng(99))), 0.5));
  });

  it('shuffled training is deterministic, and resuming from a saved epoch gives the same weights', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const s = settings({ shuffle: true, seed: 3 });
    const a = compile(doc);
    const b = compile(doc);
    trainEpochs(a, doc.dataset.examples, s, 6);
    trainEpochs(b, doc.dataset.examples, s, 6);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const c = compile(doc);
    const first = trainEpochs(c, doc.dataset.examples, s, 4);
    expect(first.epoch).toBe(4);
    trainEpochs(c, doc.dataset.examples, { ...s, epoch: first.epoch }, 2);
    expect(Array.from(c.weights)).toEqual(Array.from(a.weights));
    const other = compile(doc);
    trainEpochs(other, doc.dataset.examples, { ...s, seed: 4 }, 6);
    expect(Array.from(other.weights)).not.toEqual(Array.from(a.weights));
  });

  it('trainExample returns E_i before its update', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const ex: Example = doc.dataset.examples[0];
    const net = compile(doc);
    expectClose(trainExample(net, ex.x, ex.y, 0.5), referencePass(doc, ex.x, ex.y).error);
  });
});

describe('trainEpochs', () => {
  it('stops at the first update that would diverge, counting only the epochs completed before it', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const run = trainEpochs(net, doc.dataset.examples, settings({ learningRate: 1e9, mode: 'batch' }), 50);
    expect(run.divergence).not.toBeNull();
    expect(run.divergence!.epoch).toBe(run.epoch + 1);
    expect(Math.abs(run.divergence!.value) > 1e6 || !Number.isFinite(run.divergence!.value)).toBe(true);
  });
});
