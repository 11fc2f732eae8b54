import { describe, expect, it } from 'vitest';
import { GENERATOR_KINDS, generate, type GeneratorKind } from '../../src/engine';

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
