import { describe, expect, it } from 'vitest';
import { createRng, initWeights, randomWeight, shuffledOrder } from '../../src/engine';
import { loadFixture, TWO_FIVE_ONE } from './helpers';

const draw = (seed: number, n = 50) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('next is in [0, 1), int in 0..n−1, normal roughly standard', () => {
    const rng = createRng(5);
    let sum = 0;
    let squares = 0;
    const n = 20_000;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) bad++;
      const k = rng.int(7);
      if (!(Number.isInteger(k) && k >= 0 && k < 7)) bad++;
      const g = rng.normal();
      sum += g;
      squares += g * g;
    }
    expect(bad).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.05);
  });
});

describe('weights and orders', () => {
  it('randomWeight is in [−0.5, 0.5)', () => {
    const rng = createRng(1);
    const weights = Array.from({ length: 10_000 }, () => randomWeight(rng));
    expect(weights.filter((w) => !(w >= -0.5 && w < 0.5))).toEqual([]);
    expect(Math.min(...weights)).toBeLessThan(-0.49);
    expect(Math.max(...weights)).toBeGreaterThan(0.49);
  });

  it('initWeights: same seed same weights, every edge re-drawn, the document untouched', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const before = JSON.stringify(doc);
    const a = initWeights(doc, 9);
    const b = initWeights(doc, 9);
    expect(a.edges.map((e) => e.weight)).toEqual(b.edges.map((e) => e.weight));
    expect(initWeights(doc, 10).edges.map((e) => e.weight)).not.toEqual(a.edges.map((e) => e.weight));
    expect(a.edges.every((e, i) => e.weight !== doc.edges[i].weight && Math.abs(e.weight) <= 0.5)).toBe(true);
    expect(a.edges.map((e) => e.id)).toEqual(doc.edges.map((e) => e.id));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('shuffledOrder is a permutation, deterministic by seed', () => {
    const order = shuffledOrder(100, createRng(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(shuffledOrder(100, createRng(3)))).toEqual(Array.from(order));
    expect(Array.from(shuffledOrder(100, createRng(4)))).not.toEqual(Array.from(order));
    expect(shuffledOrder(0, createRng(1))).toHaveLength(0);
  });
});
