import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine/format/file';
import type { GraphDoc } from '../../../src/engine/format/types';
import { netValues } from '../../../src/renderer/src/formula/netValues';
import { edgeFormulas, errorBlock, neuronFormulas, type FormulaBlock } from '../../../src/renderer/src/formula/tex';
import { texNumber } from '../../../src/renderer/src/formula/texNumber';

import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

function load(text: string): GraphDoc {
  const parsed = parseGraph(text);
  if (!parsed.ok) throw parsed.error;
  return parsed.doc;
}

const tutorial = load(tutorialText);

/** E_i from a fresh forward pass with one weight changed: an answer independent of backward() */
function errorWith(doc: GraphDoc, edgeId: string, w: number, i: number): number {
  const changed = { ...doc, edges: doc.edges.map((e) => (e.id === edgeId ? { ...e, weight: w } : e)) };
  return netValues(nets, changed, i)!.error;
}

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

function expectWellFormed(blocks: FormulaBlock[]) {
  for (const b of blocks) {
    expect(() => katex.renderToString(b.tex, { throwOnError: true, displayMode: true })).not.toThrow();
    expect(b.tex.endsWith(`${texNumber(b.value)} \\end{aligned}`)).toBe(true);
    expect(close(b.check, b.value)).toBe(true);
  }
}

describe('formulas for the tutorial 2-5-1 network, example 0', () => {
  const net = netValues(nets, tutorial, 0)!;

  it('writes s_k as the sum over k’s incoming edges with the numbers plugged in', () => {
    const [sum] = neuronFormulas(net, '1');
    expect(sum.quantity).toBe('s');
    // in_1 → 1: z = 1, w = −0.0952; in_x → 1: z = −0.97, w = 0.1195; in_y → 1: z = 0.057, w = 0.8484
    // two plugged-in terms per row, so the sum fits the side panel
    expect(sum.tex).toContain('1 \\cdot (-0.0952) + (-0.97) \\cdot 0.1195 \\\\ &\\quad + 0.057 \\cdot 0.8484');
    expect(sum.tex).toContain('z_{\\text{in\\_x}}\\, w_{\\text{in\\_x} \\to 1}');
    expect(close(sum.value, -0.0952 + -0.97 * 0.1195 + 0.057 * 0.8484)).toBe(true);
  });

  it('writes ∂h/∂s of a hidden neuron as the sum over its successors (here only the output 6)', () => {
    const blocks = neuronFormulas(net, '3');
    const rec = blocks.find((b) => b.quantity === 'dhds')!;
    expect(rec.tex).toContain('\\frac{\\partial h}{\\partial s_{6}}\\, w_{3 \\to 6}\\, \\sigma\'(s_{3})');
    const six = net.nodes['6'];
    expect(close(rec.value, six.dhds![0] * 0.3078 * net.nodes['3'].dsigma!)).toBe(true);
  });

  it('writes ∂h/∂s of the output as σ\'(s_o) = z(1 − z)', () => {
    const blocks = neuronFormulas(net, '6');
    const d = blocks.find((b) => b.quantity === 'dsigma')!;
    const z6 = net.nodes['6'].z;
    expect(close(d.value, z6 * (1 - z6))).toBe(true);
    expect(blocks.find((b) => b.quantity === 'dhds')!.value).toBe(d.value);
  });

  it('ends every neuron and edge formula in the engine value, recomputable from the plugged numbers', () => {
    for (const id of Object.keys(net.nodes)) expectWellFormed(neuronFormulas(net, id));
    for (const id of Object.keys(net.edges)) expectWellFormed(edgeFormulas(net, id));
  });

  it('derives ∂E_i/∂w values that match centred finite differences of E_i', () => {
    for (const id of ['in_x->1', '5->6', 'in_1->6']) {
      const [grad] = edgeFormulas(net, id);
      const w = net.edges[id].weight;
      const h = 1e-6;
      const numeric = (errorWith(tutorial, id, w + h, 0) - errorWith(tutorial, id, w - h, 0)) / (2 * h);
      expect(Math.abs(grad.value - numeric) / (Math.abs(grad.value) + Math.abs(numeric))).toBeLessThan(1e-7);
      expect(grad.tex).toContain(`\\frac{\\partial E_i}{\\partial s_{${id.split('->')[1]}}}\\, z_`);
    }
  });

  it('writes E_i = (h − y)² with the output and the target', () => {
    const block = errorBlock(net);
    expect(block.value).toBe(net.error);
    expect(block.tex).toContain(`(${net.outputs[0].h.toPrecision(4).replace(/0+$/, '')} - 0)^2`);
    expectWellFormed([block]);
  });

  it('returns nothing for an unknown id', () => {
    expect(neuronFormulas(net, 'nope')).toEqual([]);
    expect(edgeFormulas(net, 'nope')).toEqual([]);
  });
});

describe('formulas for a graph with a skip connection and two outputs', () => {
  const doc: GraphDoc = {
    nodes: [
      { id: 'b', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      { id: 'a', type: 'neuron', activation: 'tanh' },
      { id: 'o1', type: 'neuron', activation: 'sigmoid', output: 0 },
      { id: 'o2', type: 'neuron', activation: 'linear', output: 1 },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'a', weight: 0.7 },
      { id: 'e2', source: 'b', target: 'a', weight: -0.3 },
      { id: 'e3', source: 'a', target: 'o1', weight: 1.1 },
      { id: 'e4', source: 'a', target: 'o2', weight: -0.4 },
      { id: 'e5', source: 'x', target: 'o2', weight: 0.9 },
    ],
    dataset: { examples: [{ x: [0.5], y: [1, -0.25] }] },
    training: { learningRate: 0.5, mode: 'sequential', shuffle: false, seed: 1, epoch: 0 },
  };
  const net = netValues(nets, doc, 0)!;

  it('sums ∂E/∂s over both outputs and shows one recursion per output', () => {
    const blocks = neuronFormulas(net, 'a');
    expect(blocks.filter((b) => b.quantity === 'dhds')).toHaveLength(2);
    const dE = blocks.find((b) => b.quantity === 'dEds')!;
    expect(dE.tex).toContain('\\sum_o 2\\,(h_o - y_o)');
    expectWellFormed(blocks);
    expect(errorBlock(net).tex).toContain('(h_{0} - y_{0})^2 + (h_{1} - y_{1})^2');
    expectWellFormed([errorBlock(net)]);
  });

  it('writes 0 for ∂h_o/∂s_k when no edge leaves k toward o', () => {
    const o1 = neuronFormulas(net, 'o1').filter((b) => b.quantity === 'dhds');
    expect(o1[1].value).toBe(0);
    expect(o1[1].note).toMatch(/no edge leaves/i);
    for (const id of Object.keys(net.edges)) expectWellFormed(edgeFormulas(net, id));
  });
});
