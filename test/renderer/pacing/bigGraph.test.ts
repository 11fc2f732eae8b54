import { describe, expect, it } from 'vitest';
import { isBigGraph } from '../../../src/renderer/src/pacing/bigGraph';

describe('isBigGraph', () => {
  it('is over 120 nodes or over 600 edges', () => {
    expect(isBigGraph(120, 600)).toBe(false);
    expect(isBigGraph(121, 0)).toBe(true);
    expect(isBigGraph(0, 601)).toBe(true);
    expect(isBigGraph(9, 21)).toBe(false); // the tutorial 2-5-1
    expect(isBigGraph(203, 2000)).toBe(true); // the 200-neuron DAG
  });
});
