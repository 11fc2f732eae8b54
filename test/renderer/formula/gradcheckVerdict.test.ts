import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, gradcheck, type GraphDoc } from '../../../src/engine';
import { gradcheckVerdict } from '../../../src/renderer/src/formula/gradcheckVerdict';

const oneEdge = (weight: number, activation: 'sigmoid' | 'tanh'): GraphDoc => ({
  nodes: [
    { id: 'i', type: 'input', feature: 0 },
    { id: 'o', type: 'neuron', activation, output: 0 },
  ],
  edges: [{ id: 'e', source: 'i', target: 'o', weight }],
  dataset: { examples: [{ x: [1], y: [0] }] },
  training: DEFAULT_TRAINING,
});

// What the app's gradient check says, for gradients it can judge and for vanishing ones.

describe('gradcheckVerdict', () => {
  it('calls a correct vanishing gradient near zero, not wrong', () => {
    // a sigmoid saturated at s = 33: ∂E/∂w ≈ 9e-15, which a centred difference reads as 0
    const doc = oneEdge(33, 'sigmoid');
    const v = gradcheckVerdict(gradcheck(doc, 0));
    expect(v.text).toBe('every gradient is near zero');
    expect(v.className).toBe('gradcheck-ok');
    expect(v.nearZero).toMatch(/^1 edge near zero \(both gradients below 1e-8/);
  });

  it('grades a network it can judge', () => {
    expect(gradcheckVerdict(gradcheck(oneEdge(0.7, 'tanh'), 0))).toMatchObject({ text: 'agrees', className: 'gradcheck-ok' });
    const wrong = { maxRelError: 0.3, edgeId: 'e', count: 4, nearZero: 1, maxNearZeroDiff: 2e-12 };
    expect(gradcheckVerdict(wrong)).toMatchObject({ text: 'wrong', className: 'gradcheck-bad', nearZero: expect.stringMatching(/^1 edge near zero/) });
  });
});
