import { describe, expect, it } from 'vitest';
import {
  clampStep,
  isLastStep,
  lastStep,
  nextStep,
  prevStep,
  revealAt,
  stepAt,
  stepCount,
  type StepPlan,
} from '../../../src/renderer/src/stepper/machine';

// The tutorial's 2-5-1 network: three sources, neurons 1..6 in topological order.
const plan: StepPlan = {
  sources: ['in_1', 'in_x', 'in_y'],
  neurons: ['1', '2', '3', '4', '5', '6'],
  edges: ['in_1->1', '1->6', '2->6'],
  finish: 'update',
};

const phases = (p: StepPlan) => Array.from({ length: stepCount(p) }, (_, s) => stepAt(p, s));

describe('stepper phases', () => {
  it('goes start, forward in topological order, error, backward in reverse, gradients, update', () => {
    const seq = phases(plan).map((i) => (i.current ? `${i.phase}:${i.current}` : i.phase));
    expect(seq).toEqual([
      'start',
      'forward:1', 'forward:2', 'forward:3', 'forward:4', 'forward:5', 'forward:6',
      'error',
      'backward:6', 'backward:5', 'backward:4', 'backward:3', 'backward:2', 'backward:1',
      'gradients',
      'update',
    ]);
  });

  it('ends a mid-epoch batch example with accumulate instead of update', () => {
    const batch = { ...plan, finish: 'accumulate' as const };
    expect(stepAt(batch, lastStep(batch))).toEqual({ phase: 'accumulate', current: null });
  });

  it('steps forward and back one at a time and stays inside the example', () => {
    expect(nextStep(plan, 0)).toBe(1);
    expect(prevStep(plan, 1)).toBe(0);
    expect(prevStep(plan, 0)).toBe(0);
    expect(nextStep(plan, lastStep(plan))).toBe(lastStep(plan));
    expect(clampStep(plan, 999)).toBe(lastStep(plan));
    expect(isLastStep(plan, lastStep(plan))).toBe(true);
    expect(isLastStep(plan, lastStep(plan) - 1)).toBe(false);
  });

  it('handles a graph with one neuron (the perceptron)', () => {
    const p: StepPlan = { sources: ['in_1', 'in_x'], neurons: ['1'], edges: ['e'], finish: 'update' };
    expect(phases(p).map((i) => i.phase)).toEqual(['start', 'forward', 'error', 'backward', 'gradients', 'update']);
  });
});

describe('what each step reveals', () => {
  it('shows only the sources before the forward pass', () => {
    const r = revealAt(plan, 0);
    expect(r.current).toBeNull();
    expect(r.nodes).toEqual({ in_1: { z: true }, in_x: { z: true }, in_y: { z: true } });
    expect(r.edges).toEqual({});
  });

  it('reveals s and z of the neurons computed so far and highlights the current one', () => {
    const r = revealAt(plan, 3);
    expect(r.current).toBe('3');
    expect(r.nodes['1']).toEqual({ s: true, z: true });
    expect(r.nodes['3']).toEqual({ s: true, z: true });
    expect(r.nodes['4']).toBeUndefined();
  });

  it('reveals ∂h/∂s from the output backwards', () => {
    const r = revealAt(plan, 9); // backward: 6, then 5
    expect(r.current).toBe('5');
    expect(r.nodes['6']).toEqual({ s: true, z: true, dhds: true });
    expect(r.nodes['5']).toEqual({ s: true, z: true, dhds: true });
    expect(r.nodes['4']).toEqual({ s: true, z: true });
    expect(r.edges).toEqual({});
  });

  it('reveals every edge gradient at the gradients step and the old → new weights at the update', () => {
    const g = revealAt(plan, 14);
    expect(Object.keys(g.edges)).toEqual(plan.edges);
    expect(g.edges['1->6']).toEqual({ grad: true });
    const updates = { '1->6': { old: 0.9644, next: 0.95 } };
    const u = revealAt(plan, 15, updates);
    expect(u.edges['1->6']).toEqual({ grad: true, update: { old: 0.9644, next: 0.95 } });
    expect(u.edges['2->6']).toEqual({ grad: true });
    expect(Object.values(u.nodes).every((n) => n.z)).toBe(true);
  });

  it('shows no update at an accumulate step, even when updates are passed', () => {
    const batch = { ...plan, finish: 'accumulate' as const };
    const r = revealAt(batch, lastStep(batch), { '1->6': { old: 1, next: 2 } });
    expect(r.edges['1->6']).toEqual({ grad: true });
  });
});
