import { describe, expect, it } from 'vitest';
import { classCount, classOf, classTargets, countByClass, MAX_CLASSES, CLASS_COLOURS, renameClass } from '../../../src/renderer/src/data/classes';
import { brushExample, shiftedClass, toggledTest } from '../../../src/renderer/src/data/brush';
import { classOfKey } from '../../../src/renderer/src/data/usePlotKeys';
import type { GraphDoc } from '../../../src/engine/format/types';

const sigmoid = { low: 0, high: 1 };
const nodes: GraphDoc['nodes'] = [
  { id: 'a', type: 'input', feature: 0 },
  { id: 'b', type: 'input', feature: 1 },
  { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
];

describe('classes', () => {
  it('k comes from the labels (2 without), a colour for each of up to 6, all distinct', () => {
    expect(classCount({})).toBe(2);
    expect(classCount({ classes: ['a', 'b', 'c'] })).toBe(3);
    expect(new Set(CLASS_COLOURS).size).toBe(MAX_CLASSES);
  });

  it('an example’s class: arg-max of one-hot targets, else which side of the midpoint', () => {
    expect(classOf({ x: [0, 0], y: [0, 0, 1] }, true, sigmoid)).toBe(2);
    expect(classOf({ x: [0, 0], y: [1] }, false, sigmoid)).toBe(1);
    expect(classOf({ x: [0, 0], y: [-1] }, false, { low: -1, high: 1 })).toBe(0);
    expect(classTargets(1, 3, 3, sigmoid)).toEqual([0, 1, 0]);
    expect(classTargets(1, 2, 2, { low: -1, high: 1 })).toEqual([1, 1]);
  });

  it('counts each class and the train/test split', () => {
    const examples = [
      { x: [0, 0], y: [1, 0, 0] },
      { x: [0, 0], y: [0, 0, 1], test: true },
      { x: [0, 0], y: [0, 0, 1] },
    ];
    expect(countByClass(examples, 3, true, sigmoid)).toEqual({ perClass: [1, 0, 2], train: 2, test: 1 });
  });

  it('the brush: class c one-hot over k, shift the next class (the other of two); keys 1…k only', () => {
    const dataset = { classes: ['a', 'b', 'c'], examples: [] };
    expect(brushExample({ nodes, dataset }, 0.5, -0.5, { cls: 2, value: 0 }, false)).toEqual({ x: [0.5, -0.5], y: [0, 0, 1] });
    expect(brushExample({ nodes, dataset }, 0.5, -0.5, { cls: 2, value: 0 }, true).y).toEqual([1, 0, 0]);
    expect(brushExample({ nodes, dataset: { examples: [] } }, 0, 0, { cls: 0, value: 0 }, true).y).toEqual([1]);
    expect(shiftedClass(1, 2)).toBe(0);
    expect(classOfKey('3', 3)).toBe(2);
    expect(classOfKey('4', 3)).toBeNull();
    expect(classOfKey('0', 3)).toBeNull();
  });

  it('regression: a new point has the chosen value; a 1-D fit’s, the height it is placed at', () => {
    const plane = { problem: 'regression' as const, examples: [] };
    expect(brushExample({ nodes, dataset: plane }, 0.1, 0.2, { cls: 0, value: 0.7 }, false)).toEqual({ x: [0.1, 0.2], y: [0.7] });
    const fit = { problem: 'regression' as const, features: ['x', 'unused'], examples: [] };
    expect(brushExample({ nodes, dataset: fit }, 0.1, 0.2, { cls: 0, value: 0.7 }, false)).toEqual({ x: [0.1, 0], y: [0.2] });
  });

  it('T toggles an example between test and training', () => {
    expect(toggledTest({ x: [1], y: [0] })).toEqual({ x: [1], y: [0], test: true });
    expect(toggledTest({ x: [1], y: [0], test: true })).toEqual({ x: [1], y: [0] });
  });

  it('renames a class (targets named after the classes follow); an empty or taken name is refused, named', () => {
    const dataset = { classes: ['a', 'b', 'c'], targets: ['a', 'b', 'c'], examples: [] };
    expect(renameClass(dataset, 1, '  bee ')).toEqual({ classes: ['a', 'bee', 'c'], targets: ['a', 'bee', 'c'], examples: [] });
    expect(renameClass(dataset, 1, ' ')).toBe('A class needs a name; class 2 keeps “b”.');
    expect(renameClass(dataset, 1, 'c')).toBe('Class 3 is already called “c”; class names must differ.');
    expect(renameClass({ targets: ['class'], examples: [] }, 0, 'cat')).toEqual({ classes: ['cat', 'blue'], targets: ['class'], examples: [] });
  });
});
