import { describe, expect, it } from 'vitest';
import { EPOCH_START, addToSum, afterUpdate, restartBatch, runningSum } from '../../../src/renderer/src/stepper/batch';
import { batchAt, batchCount, epochVisits, trainingIndices } from '../../../src/renderer/src/stepper/order';
import { epochOrder, type Example } from '../../../src/engine';

const ex = (i: number, test = false): Example => ({ x: [i, 0], y: [0], ...(test ? { test: true } : {}) });

describe('the epoch’s progress while stepping', () => {
  const g0 = { a: 0.5, b: -1 };
  const g1 = { a: 0.25, b: 2 };

  it('shows the running sum including the example in hand, from +0 as the engine does', () => {
    expect(runningSum(EPOCH_START, g0)).toEqual({ a: 0.5, b: -1 });
    const p = addToSum(EPOCH_START, g0);
    expect(p.done).toBe(1);
    expect(runningSum(p, g1)).toEqual({ a: 0.75, b: 1 });
    expect(Object.is(runningSum(EPOCH_START, { a: -0 }).a, 0)).toBe(true); // +0 + −0 = +0, like gradSum.fill(0)
  });

  const visits = { order: [4, 0, 3, 1, 2, 6, 5], size: 3 };

  it('empties the sum after each batch’s update and starts over after the epoch’s last', () => {
    expect(afterUpdate({ done: 2, sum: g0 }, visits)).toEqual({ done: 3, sum: {} });
    expect(afterUpdate({ done: 6, sum: {} }, visits)).toEqual(EPOCH_START);
  });

  it('restarts the batch under way when the weights change under it', () => {
    expect(restartBatch({ done: 4, sum: g0 }, visits)).toEqual({ done: 3, sum: {} });
    expect(restartBatch({ done: 6, sum: g0 }, visits)).toEqual({ done: 6, sum: {} });
  });
});

describe('training’s visiting order', () => {
  const examples = [ex(0), ex(1, true), ex(2), ex(3), ex(4), ex(5, true), ex(6), ex(7), ex(8)];

  it('leaves test examples out', () => {
    expect(trainingIndices(examples)).toEqual([0, 2, 3, 4, 6, 7, 8]);
    const v = epochVisits(examples, { learningRate: 0.1, mode: 'sequential', shuffle: false, seed: 1, epoch: 0 });
    expect(v.order).toEqual([0, 2, 3, 4, 6, 7, 8]);
    expect(v.size).toBe(1);
  });

  it('is the engine’s seeded order over the training examples, cut into batches of b, the last shorter', () => {
    const training = { learningRate: 0.1, mode: 'minibatch' as const, batchSize: 3, shuffle: true, seed: 5, epoch: 2 };
    const v = epochVisits(examples, training);
    const train = trainingIndices(examples);
    expect(v.order).toEqual(Array.from(epochOrder(7, { ...training })!, (t) => train[t]));
    expect(v.size).toBe(3);
    expect(batchCount(v)).toBe(3);
    expect(batchAt(v, 4)).toEqual({ index: 1, count: 3, start: 3, end: 6 });
    expect(batchAt(v, 6)).toEqual({ index: 2, count: 3, start: 6, end: 7 });
  });

  it('batch mode: one batch of all, in file order (no shuffle)', () => {
    const v = epochVisits(examples, { learningRate: 0.1, mode: 'batch', shuffle: true, seed: 5, epoch: 0 });
    expect(v.order).toEqual([0, 2, 3, 4, 6, 7, 8]);
    expect(batchAt(v, 5)).toEqual({ index: 0, count: 1, start: 0, end: 7 });
  });
});
