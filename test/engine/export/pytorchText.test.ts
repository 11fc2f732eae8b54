// What a reader of the PyTorch export and the notebook sees: the formulas and the code of the
// options the file uses, and only those (no Python needed).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, type GraphDoc } from '../../../src/engine';
import { exportNotebook, exportPytorch } from '../../../src/engine/export';

const fixture = (name: string): GraphDoc => {
  const r = parseGraph(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));
  if (!r.ok) throw r.error;
  return r.doc;
};

/** the notebook's Markdown cells, joined */
const markdownOf = (doc: GraphDoc): string =>
  (JSON.parse(exportNotebook(doc)).cells as { cell_type: string; source: string[] }[])
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => c.source.join(''))
    .join('\n');

describe('the notebook explains the options in use, and only those', () => {
  it('the tutorial 2-5-1: sigmoid, the squared error, sequential updates in file order', () => {
    const md = markdownOf(fixture('tutorial-2-5-1.bpgraph.json'));
    expect(md).toContain("sigmoid: $\\sigma(s) = 1/(1 + e^{-s})$, $\\sigma'(s) = z(1 - z)$");
    expect(md).toContain('$E = \\sum_i \\sum_o (h_o(x_i) - y_{i,o})^2$');
    expect(md).toContain('Sequential: one update after each training example (b = 1), in file order.');
    for (const absent of ['cross-entropy', 'L1', 'L2', 'Momentum', 'Mini-batch', 'softplus', 'hard sigmoid', 'switched off', 'derived inputs', 'Test examples', 'seeded random order']) {
      expect(md, absent).not.toContain(absent);
    }
    const script = exportPytorch(fixture('tutorial-2-5-1.bpgraph.json'));
    for (const absent of ['class Softplus', 'class HardSigmoid', 'VELOCITY', 'REGULARIZED', 'epoch_order', 'CrossEntropy']) expect(script, absent).not.toContain(absent);
  });

  it('the every-option fixture: its activations, derived inputs, ablation, softmax cross-entropy, mini-batches, L2, momentum and the test split', () => {
    const doc = fixture('every-option.bpgraph.json');
    const md = markdownOf(doc);
    for (const present of ['leaky ReLU:', 'softplus:', 'hard sigmoid:', 'softmax (the outputs together)', 'derived inputs', 'switched off', 'cross-entropy over the softmax outputs', 'Mini-batches: one update after each b = 10', 'in a seeded random order', 'L2: $g_e = G_e + 2 \\lambda\\, w_e$', 'Momentum (heavy ball)', 'Test examples are never trained on']) {
      expect(md, present).toContain(present);
    }
    // h2 (ELU) is off, so its formula is not shown; no relu, tanh, sigmoid neuron; no L1
    for (const absent of ['ELU:', 'relu:', 'tanh:', 'sigmoid: $', 'L1:', 'binary cross-entropy']) expect(md, absent).not.toContain(absent);
    const script = exportPytorch(doc);
    expect(script).toMatch(/class Softplus\(torch\.autograd\.Function\):\n {4}"""[^"]*Custom because/);
    expect(script).toMatch(/class HardSigmoid\(torch\.autograd\.Function\):\n {4}"""[^"]*Custom because autograd through torch\.clamp passes the gradient at the bounds/);
    expect(script).toContain('class SoftmaxCrossEntropy(torch.autograd.Function)');
    expect(script).toContain('VELOCITY = [\n    torch.tensor([-0.01, 0.0]),');
  });
});
