import { describe, expect, it } from 'vitest';
import { GENERATOR_KINDS, generate } from '../../../src/engine';
import { thumbnailPoints } from '../../../src/renderer/src/data/DatasetThumbnails';
import { testStudio } from '../studio/fakeEnv';

describe('data sets in one click', () => {
  it('apply a kind with the form’s count, noise and seed, remember the kind, and undo as one step', () => {
    const studio = testStudio();
    const before = studio.document.getState().doc.dataset.examples;
    studio.generators.set({ count: 40, noise: 0, seed: 7 });
    studio.generators.apply('xor');
    const examples = studio.document.getState().doc.dataset.examples;
    expect(examples.map((e) => e.x)).toEqual(generate('xor', { count: 40, noise: 0, seed: 7 }).map((e) => e.x));
    expect(studio.generators.getState().kind).toBe('xor');
    studio.document.undo();
    expect(studio.document.getState().doc.dataset.examples).toEqual(before);
  });

  it('draw every kind inside its thumbnail, in both classes', () => {
    for (const kind of GENERATOR_KINDS) {
      const points = thumbnailPoints(kind, 40);
      expect(points.length).toBeGreaterThan(10);
      for (const p of points) {
        expect(p.x).toBeGreaterThanOrEqual(3);
        expect(p.x).toBeLessThanOrEqual(37);
        expect(p.y).toBeGreaterThanOrEqual(3);
        expect(p.y).toBeLessThanOrEqual(37);
      }
      expect(new Set(points.map((p) => p.high))).toEqual(new Set([true, false]));
    }
  });
});
