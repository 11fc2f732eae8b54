// Divergence is caught after every update: an update that would put a weight past the limit (or
// make it non-finite) is not made, and the step and the first such weight are named.

import { describe, expect, it } from 'vitest';
import {
  compile,
  epochRng,
  findDivergence,
  isBlowingUp,
  shuffledOrder,
  trainEpoch,
  trainEpochs,
  trainExample,
  WEIGHT_LIMIT,
  type GraphDoc,
} from '../../src/engine';
import { divergingNet, loadFixture, TWO_FIVE_ONE } from './helpers';

interface Oracle {
  /** 1-based epoch, 0-based step in its order, example index, the first weight out of bounds after that step */
  epoch: number;
  step: number;
  example: number;
  edgeIndex: number;
  value: number;
  /** the weights before that step */
  before: Float64Array;
  /** what a check at the end of that epoch would have named (the old behaviour) */
  atEpochEnd: number | null;
}

/** plain updates (trainExample, which never refuses one), checking every weight after each: the first step that leaves a weight out of bounds */
function firstBadStep(doc: GraphDoc, epochs: number): Oracle | null {
  const net = compile(doc);
  const { examples } = doc.dataset;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffledOrder(examples.length, epochRng(doc.training.seed, epoch));
    for (let step = 0; step < order.length; step++) {
      const before = Float64Array.from(net.weights);
      trainExample(net, examples[order[step]].x, examples[order[step]].y, doc.training.learningRate);
      const bad = findDivergence(net);
      if (!bad) continue;
      for (let rest = step + 1; rest < order.length; rest++) trainExample(net, examples[order[rest]].x, examples[order[rest]].y, doc.training.learningRate);
      const atEpochEnd = findDivergence(net)?.edgeIndex ?? null;
      return { epoch: epoch + 1, step, example: order[step], ...bad, before, atEpochEnd };
    }
  }
  return null;
}

describe('divergence, checked after every update', () => {
  it('on a 2-3-3-3-3-2 at η = 0.3 names the weight that crossed first, at its step, where the epoch’s end named another', () => {
    const doc = divergingNet();
    const oracle = firstBadStep(doc, 300);
    expect(oracle).not.toBeNull();
    if (!oracle) return;
    expect(oracle.atEpochEnd).not.toBe(oracle.edgeIndex); // what the end-of-epoch check used to say
    const net = compile(doc);
    const run = trainEpochs(net, doc.dataset.examples, doc.training, 300);
    expect(run.divergence).toEqual({ epoch: oracle.epoch, step: oracle.step, example: oracle.example, edgeIndex: oracle.edgeIndex, value: oracle.value });
    expect(run.epoch).toBe(oracle.epoch - 1); // completed epochs
    expect(Array.from(net.weights)).toEqual(Array.from(oracle.before)); // the last good weights, bit for bit
  });

  it('refuses the crossing update and keeps the weights before it (sequential)', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const { examples } = doc.dataset;
    const before = Float64Array.from(net.weights);
    const result = trainEpoch(net, examples, { ...doc.training, shuffle: false, learningRate: 1e12 });
    expect(result.divergence).not.toBeNull();
    const { step, example, edgeIndex, value } = result.divergence!;
    expect(step).toBe(0);
    expect(example).toBe(0);
    expect(Array.from(net.weights)).toEqual(Array.from(before));
    expect(result.error).toBe(0); // no update made
    trainExample(net, examples[0].x, examples[0].y, 1e12);
    expect(findDivergence(net)).toEqual({ edgeIndex, value });
  });

  it('a batch update past the limit is not made, and its weight is named', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const net = compile(doc);
    const before = Float64Array.from(net.weights);
    const run = trainEpochs(net, doc.dataset.examples, { ...doc.training, mode: 'batch', learningRate: 1e9 }, 50);
    expect(run.divergence).not.toBeNull();
    expect(run.divergence!.example).toBeNull();
    expect(Math.abs(run.divergence!.value) > WEIGHT_LIMIT || !Number.isFinite(run.divergence!.value)).toBe(true);
    expect(findDivergence(net)).toBeNull();
    if (run.divergence!.epoch === 1) expect(Array.from(net.weights)).toEqual(Array.from(before));
  });

  it('the limit itself is inside: |w| = 1e6 is not divergence', () => {
    const net = compile(loadFixture(TWO_FIVE_ONE));
    net.weights.fill(WEIGHT_LIMIT);
    net.weights[3] = -WEIGHT_LIMIT;
    expect(findDivergence(net)).toBeNull();
    net.weights[4] = Infinity;
    expect(findDivergence(net)).toEqual({ edgeIndex: 4, value: Infinity });
  });
});

describe('isBlowingUp', () => {
  it('is E non-finite, or over 10⁶ times the smallest E seen', () => {
    expect(isBlowingUp(5, Infinity)).toBe(false); // nothing measured yet
    expect(isBlowingUp(1e6, 1)).toBe(false);
    expect(isBlowingUp(1.000001e6, 1)).toBe(true);
    expect(isBlowingUp(Infinity, 1)).toBe(true);
    expect(isBlowingUp(NaN, Infinity)).toBe(true);
  });
});
