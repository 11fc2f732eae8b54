import { describe, expect, it } from 'vitest';
import { shownBlocks } from '../../../src/renderer/src/predict/inspectorMask';
import type { Reveal } from '../../../src/renderer/src/store/live';

const NEURON = ['s', 'z', 'dsigma', 'dhds', 'dEds'];
const reveal = (nodes: Reveal['nodes'], edges: Reveal['edges'] = {}): Reveal => ({ current: null, nodes, edges });

describe('the formula inspector while predicting', () => {
  it('shows everything when not stepping', () => {
    expect(shownBlocks(null, new Set(), { kind: 'node', id: '3' }, NEURON)).toEqual([true, true, true, true, true]);
  });

  it('hides what the step-through has not reached, and what the learner has not answered yet', () => {
    const r = reveal({ '3': { s: true, z: true } });
    expect(shownBlocks(r, new Set(), { kind: 'node', id: '3' }, NEURON)).toEqual([true, true, true, false, false]);
    expect(shownBlocks(r, new Set(['z:3']), { kind: 'node', id: '3' }, NEURON)).toEqual([true, false, false, false, false]);
    const back = reveal({ '3': { s: true, z: true, dhds: true } });
    expect(shownBlocks(back, new Set(['dEds:3']), { kind: 'node', id: '3' }, NEURON)).toEqual([true, true, true, true, false]);
  });

  it('an edge’s ∂E/∂w only once revealed; its target’s blocks as the target’s', () => {
    const r = reveal({ '3': { s: true, z: true, dhds: true } }, { 'in_1->3': { grad: true } });
    const edge = { kind: 'edge' as const, id: 'in_1->3', target: '3' };
    expect(shownBlocks(r, new Set(), edge, ['grad', 'dEds', 'dhds', 'dsigma'])).toEqual([true, true, true, true]);
    expect(shownBlocks(r, new Set(['grad:in_1->3']), edge, ['grad', 'dEds', 'dhds', 'dsigma'])).toEqual([false, true, true, true]);
    expect(shownBlocks(reveal({}), new Set(), edge, ['grad'])).toEqual([false]);
  });
});
