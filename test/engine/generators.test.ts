import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING,
  GENERATOR_KINDS,
  generate,
  generateDataset,
  generateRegression,
  validateGraph,
  type GeneratorKind,
  type GraphDoc,
  type GraphNode,
  type RegressionKind,
} from '../../src/engine';

describe('generate', () => {
  it.each(GENERATOR_KINDS)('%s: seeded, in [−1, 1]², both classes, the requested count', (kind) => {
    const opts = { count: 101, noise: 0.1, seed: 4 };
    const points = generate(kind, opts);
    expect(points).toHaveLength(101);
    expect(generate(kind, opts)).toEqual(points);
    expect(generate(kind, { ...opts, seed: 5 })).not.toEqual(points);
    expect(points.every((p) => p.x.length === 2 && p.x.every((v) => v >= -1 && v <= 1 && !Object.is(v, -0)))).toBe(true);
    expect(new Set(points.map((p) => p.y[0]))).toEqual(new Set([0, 1]));
    const tanh = generate(kind, { ...opts, low: -1 });
    expect(new Set(tanh.map((p) => p.y[0]))).toEqual(new Set([-1, 1]));
  });

  it('without noise the classes follow the shape', () => {
    const check = (kind: GeneratorKind, high: (x: number, y: number) => boolean) => {
      for (const p of generate(kind, { count: 200, noise: 0, seed: 1 })) expect(high(p.x[0], p.x[1])).toBe(p.y[0] === 1);
    };
    check('circle', (x, y) => Math.hypot(x, y) < 0.5);
    check('xor', (x, y) => x * y > 0);
    check('linear', (x, y) => x + y > 0);
  });

  it('handles tiny counts and refuses unknown kinds', () => {
    expect(generate('spiral', { count: 0, noise: 0, seed: 1 })).toEqual([]);
    expect(generate('spiral', { count: 1, noise: 0, seed: 1 })).toHaveLength(1);
    expect(() => generate('moons' as GeneratorKind, { count: 3, noise: 0, seed: 1 })).toThrow(/unknown generator 'moons'/);
  });
});

describe('version 2 datasets', () => {
  const opts = { count: 120, noise: 0, seed: 3 };

  it('regression sets: the plane, the six bumps and the 1-D function, seeded, values as the spec says', () => {
    for (const p of generateRegression('plane', opts)) expect(p.y[0]).toBeCloseTo((p.x[0] + p.x[1]) / 2, 2);
    const bumps = generateRegression('multi-gaussian', opts);
    expect(bumps.every((p) => p.y[0] >= -1 && p.y[0] <= 1)).toBe(true);
    expect(bumps.some((p) => p.y[0] > 0.3) && bumps.some((p) => p.y[0] < -0.3)).toBe(true);
    expect(generateRegression('multi-gaussian', { count: 1, noise: 0, seed: 1 })).toEqual(generateRegression('multi-gaussian', { count: 1, noise: 0, seed: 1 }));
    const fit = generateRegression('function', opts);
    expect(fit.every((p) => p.x.length === 1 && Math.abs(p.y[0] - Math.sin(Math.PI * p.x[0])) < 2e-3)).toBe(true);
    expect(() => generateRegression('wave' as RegressionKind, opts)).toThrow(/unknown regression set 'wave'/);
  });

  it('a k-class spiral: one-hot targets, every class equally often', () => {
    const points = generate('spiral', { ...opts, classes: 3 });
    expect(points.every((p) => p.y.length === 3 && p.y.filter((v) => v === 1).length === 1 && p.y.filter((v) => v === 0).length === 2)).toBe(true);
    expect([0, 1, 2].map((c) => points.filter((p) => p.y[c] === 1).length)).toEqual([40, 40, 40]);
    expect(() => generate('xor', { ...opts, classes: 3 })).toThrow(/only 'spiral'/);
  });

  it('a seeded train/test split: round(n·(1 − ratio)) test examples, the same for the same seed', () => {
    const split = generate('circle', { ...opts, trainRatio: 0.8 });
    expect(split.filter((p) => p.test).length).toBe(24);
    expect(generate('circle', { ...opts, trainRatio: 0.8 })).toEqual(split);
    expect(split.map(({ test: _t, ...p }) => p)).toEqual(generate('circle', opts));
    expect(generate('circle', { ...opts, trainRatio: 0.8, seed: 4 }).map((p) => p.test)).not.toEqual(split.map((p) => p.test));
    expect(() => generate('circle', { ...opts, trainRatio: 0.95 })).toThrow(/0\.1 … 0\.9/);
  });

  it('generateDataset gives a dataset a graph file accepts, with its problem and classes', () => {
    const three = generateDataset('spiral', { ...opts, classes: 3, trainRatio: 0.8 });
    expect(three).toMatchObject({ problem: 'classification', classes: ['class 0', 'class 1', 'class 2'] });
    const nodes: GraphNode[] = [
      { id: 'b', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      ...[0, 1, 2].map((o): GraphNode => ({ id: `o${o}`, type: 'neuron', activation: 'softmax', output: o })),
    ];
    const edges = [0, 1, 2].map((o) => ({ id: `e${o}`, source: 'x', target: `o${o}`, weight: 0.1 * o }));
    const doc: GraphDoc = { nodes, edges, dataset: three, training: { ...DEFAULT_TRAINING, loss: 'crossEntropy' } };
    expect(validateGraph(doc)).toEqual([]);
    expect(generateDataset('function', opts)).toMatchObject({ problem: 'regression', features: ['x'] });
  });
});
