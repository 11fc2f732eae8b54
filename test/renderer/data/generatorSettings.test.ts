import { describe, expect, it } from 'vitest';
import { GENERATOR_KINDS, REGRESSION_KINDS, generate, generateDataset, parseGraph, validateGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { thumbnailPoints } from '../../../src/renderer/src/data/DatasetThumbnails';
import { CLASS_COLOURS } from '../../../src/renderer/src/data/classes';
import { isFunctionFit } from '../../../src/renderer/src/data/plotCoords';
import { testStudio } from '../studio/fakeEnv';

function tutorialStudio() {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return testStudio({ initial: r.doc });
}

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

  it('a 3-class spiral with a 20 % test split: labels, one-hot targets over 3, 40 of 200 test, one undo step', () => {
    const studio = tutorialStudio();
    const before = studio.document.getState().doc.dataset;
    studio.generators.set({ count: 200, noise: 0, seed: 3, trainRatio: 0.8 });
    studio.generators.change({ classes: 3 });
    const { dataset } = studio.document.getState().doc;
    expect(dataset.classes).toEqual(['class 0', 'class 1', 'class 2']);
    expect(dataset.examples.every((e) => e.y.length === 3 && e.y.reduce((a, b) => a + b) === 1)).toBe(true);
    expect(dataset.examples.filter((e) => e.test)).toHaveLength(40);
    const spiral = generateDataset('spiral', { count: 200, noise: 0, seed: 3, classes: 3, trainRatio: 0.8 });
    expect(dataset.examples).toEqual(spiral.examples);
    studio.document.undo();
    expect(studio.document.getState().doc.dataset).toEqual(before);
  });

  it('the noise and ratio settings regenerate the chosen set; back to 2 classes gives one target per output again', () => {
    const studio = tutorialStudio();
    studio.generators.change({ classes: 4 });
    studio.generators.change({ classes: 2 });
    const { dataset } = studio.document.getState().doc;
    expect(dataset.classes).toBeUndefined();
    expect(dataset.examples.every((e) => e.y.length === 1)).toBe(true);
    expect(validateGraph(studio.document.getState().doc)).toEqual([]);
    studio.generators.set({ noise: 0.3 });
    studio.generators.apply();
    const noisy = studio.document.getState().doc.dataset.examples;
    expect(noisy.map((e) => e.x)).not.toEqual(dataset.examples.map((e) => e.x));
  });

  it('regression: the problem switch makes a plane; the 1-D function pads its unused x₂ with 0 and the graph still reads it', () => {
    const studio = tutorialStudio();
    studio.generators.set({ noise: 0 });
    studio.generators.change({ problem: 'regression' });
    let { dataset } = studio.document.getState().doc;
    expect(dataset.problem).toBe('regression');
    expect(dataset.examples[0].y[0]).toBe(Math.round(((dataset.examples[0].x[0] + dataset.examples[0].x[1]) / 2) * 1000) / 1000);
    const plane = dataset;
    studio.generators.apply('function');
    dataset = studio.document.getState().doc.dataset;
    studio.document.undo();
    expect(studio.document.getState().doc.dataset).toEqual(plane);
    studio.document.redo();
    expect(studio.document.getState().doc.dataset).toEqual(dataset);
    expect(dataset.features).toEqual(['x', 'unused']);
    expect(isFunctionFit(dataset)).toBe(true);
    expect(dataset.examples.every((e) => e.x.length === 2 && e.x[1] === 0)).toBe(true);
    expect(validateGraph(studio.document.getState().doc)).toEqual([]);
    expect(studio.generators.getState()).toMatchObject({ problem: 'regression', regression: 'function' });
    // the plot's height is the value: it grows to show values past ±1, and a 2-D set brings back the plane
    studio.generators.change({ noise: 0.3 });
    const values = studio.document.getState().doc.dataset.examples.map((e) => e.y[0]);
    const domain = studio.document.getState().doc.dataset.domain!;
    expect(domain.y[0]).toBeLessThanOrEqual(Math.min(...values));
    expect(domain.y[1]).toBeGreaterThanOrEqual(Math.max(...values));
    studio.generators.apply('circle');
    expect(studio.document.getState().doc.dataset.domain).toBeUndefined();
  });

  it('draw every kind inside its thumbnail, in both classes (classification) or several values (regression)', () => {
    for (const kind of [...GENERATOR_KINDS, ...REGRESSION_KINDS]) {
      const points = thumbnailPoints(kind, 40);
      expect(points.length).toBeGreaterThan(10);
      for (const p of points) {
        expect(p.x).toBeGreaterThanOrEqual(3);
        expect(p.x).toBeLessThanOrEqual(37);
        expect(p.y).toBeGreaterThanOrEqual(3);
        expect(p.y).toBeLessThanOrEqual(37);
      }
      if (GENERATOR_KINDS.includes(kind as never)) expect(new Set(points.map((p) => p.high))).toEqual(new Set([true, false]));
      else expect(new Set(points.map((p) => p.colour)).size).toBeGreaterThan(10);
    }
    expect(new Set(thumbnailPoints('spiral', 40, 5).map((p) => p.colour))).toEqual(new Set(CLASS_COLOURS.slice(0, 5)));
  });
});
