import { describe, expect, it } from 'vitest';
import {
  EMPTY_EPOCH,
  addExample,
  completesEpoch,
  followingExample,
  runningSum,
} from '../../../src/renderer/src/stepper/batch';

describe('batch accumulation while stepping', () => {
  const g0 = { a: 0.5, b: -1 };
  const g1 = { a: 0.25, b: 2 };
  const g2 = { a: -0.125, b: 0.5 };

  it('shows the running sum including the example in hand', () => {
    expect(runningSum(EMPTY_EPOCH, 0, g0)).toEqual({ a: 0.5, b: -1 });
    const e1 = addExample(EMPTY_EPOCH, 0, g0);
    expect(runningSum(e1, 1, g1)).toEqual({ a: 0.75, b: 1 });
  });

  it('sums each example once, in the order stepped', () => {
    let e = addExample(EMPTY_EPOCH, 0, g0);
    e = addExample(e, 0, g0);
    expect(e.visited).toEqual([0]);
    e = addExample(e, 2, g2);
    e = addExample(e, 1, g1);
    expect(e.visited).toEqual([0, 2, 1]);
    expect(e.sum).toEqual({ a: 0.5 + -0.125 + 0.25, b: -1 + 0.5 + 2 });
  });

  it('does not add an already counted example to the running sum again', () => {
    const e = addExample(EMPTY_EPOCH, 0, g0);
    expect(runningSum(e, 0, g0)).toEqual({ a: 0.5, b: -1 });
  });

  it('knows which example completes the epoch', () => {
    let e = addExample(EMPTY_EPOCH, 0, g0);
    expect(completesEpoch(e, 1, 3)).toBe(false);
    e = addExample(e, 1, g1);
    expect(completesEpoch(e, 2, 3)).toBe(true);
    expect(completesEpoch(e, 1, 3)).toBe(false);
    expect(completesEpoch(EMPTY_EPOCH, 0, 1)).toBe(true);
  });

  it('moves on to the next example not yet counted', () => {
    expect(followingExample(EMPTY_EPOCH, 0, 3)).toBe(1);
    expect(followingExample(EMPTY_EPOCH, 2, 3)).toBe(0);
    const e = addExample(addExample(EMPTY_EPOCH, 1, g1), 2, g2);
    expect(followingExample(e, 2, 3)).toBe(0);
    expect(followingExample(e, 0, 3)).toBe(0); // only 0 is left: step it again
  });
});
