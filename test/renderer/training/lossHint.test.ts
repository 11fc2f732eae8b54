import { describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../../src/engine/format/types';
import { lossHint } from '../../../src/renderer/src/training/lossHint';
import { layeredDoc } from './fixtures';

// The hint under the loss choice is guidance: what the loss does, and why the other is not
// offered, never a sentence that reads like an error ("… is off: …").

const softmaxDoc = (): GraphDoc => {
  const d = layeredDoc([2], { count: 4 });
  const nodes = d.nodes.flatMap((n) => (n.id === 'out' ? [{ ...n, id: 'out0', activation: 'softmax' as const, output: 0 }, { ...n, id: 'out1', activation: 'softmax' as const, output: 1 }] : [n]));
  const examples = d.dataset.examples.map((ex) => ({ ...ex, y: ex.y[0] > 0.5 ? [1, 0] : [0, 1] }));
  return { ...d, nodes, edges: [], dataset: { ...d.dataset, examples }, training: { ...d.training, loss: 'crossEntropy' } };
};

describe('the loss hint', () => {
  it('softmax outputs: says what cross-entropy does and why squared error is not offered', () => {
    const hint = lossHint(softmaxDoc(), 'crossEntropy');
    expect(hint.unavailable).toBe('squared');
    expect(hint.text).toBe(
      'Cross-entropy is for classes (one sigmoid output, or softmax outputs); its ∂E/∂s at an output is h − y. Squared error is not offered: softmax outputs are trained with cross-entropy only.',
    );
  });

  it('a tanh output: says how to make cross-entropy available', () => {
    const hint = lossHint(layeredDoc([2], { count: 4, activation: 'tanh' }), 'squared');
    expect(hint.unavailable).toBe('crossEntropy');
    expect(hint.text).toBe('Squared error Σ(h − y)², the tutorial’s, fits any output. Cross-entropy is not offered while output \'out\' is tanh; make it sigmoid to use it.');
  });

  it('a regression: cross-entropy is not offered', () => {
    const d = layeredDoc([2], { count: 4 });
    const hint = lossHint({ ...d, dataset: { ...d.dataset, problem: 'regression' } }, 'squared');
    expect(hint.text).toMatch(/Cross-entropy is not offered: this dataset is a regression\.$/);
  });

  it('both available: one line on each, and never an error’s words', () => {
    const hint = lossHint(layeredDoc([2], { count: 4 }), 'squared');
    expect(hint.unavailable).toBeNull();
    expect(hint.text).toBe('Squared error Σ(h − y)², the tutorial’s, fits any output. Cross-entropy is for classes (one sigmoid output, or softmax outputs); its ∂E/∂s at an output is h − y.');
    for (const d of [softmaxDoc(), layeredDoc([2], { count: 4, activation: 'tanh' })]) expect(lossHint(d, d.training.loss ?? 'squared').text).not.toMatch(/ is off/);
  });
});
