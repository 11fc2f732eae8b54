import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, readPass, type GraphDoc, type NeuronReadout } from '../../../src/engine';
import { netValues } from '../../../src/renderer/src/formula/netValues';
import { edgeFormulas, neuronFormulas, type FormulaBlock } from '../../../src/renderer/src/formula/tex';
import { texFactor, texNumber } from '../../../src/renderer/src/formula/texNumber';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

// With softmax outputs the formulas show what the engine computes: the Jacobian h_o(δ_om − h_m)
// at the outputs, ∂h_o/∂s_k = Σ_m ∂h_o/∂s_m ∂s_m/∂s_k before them, ∂E/∂s = h − y at an output
// and σ'(s_k)·Σ w ∂E/∂s_succ at a hidden neuron; every number is the readout's, bit for bit.

/** bias and two inputs → two tanh neurons (h1 feeds h2) → three softmax outputs, with a skip x1 → o1 */
const doc: GraphDoc = {
  nodes: [
    { id: 'b', type: 'bias' },
    { id: 'x1', type: 'input', feature: 0 },
    { id: 'x2', type: 'input', feature: 1 },
    { id: 'h1', type: 'neuron', activation: 'tanh' },
    { id: 'h2', type: 'neuron', activation: 'sigmoid' },
    { id: 'o0', type: 'neuron', activation: 'softmax', output: 0 },
    { id: 'o1', type: 'neuron', activation: 'softmax', output: 1 },
    { id: 'o2', type: 'neuron', activation: 'softmax', output: 2 },
  ],
  edges: [
    ['b', 'h1', 0.1], ['x1', 'h1', 0.7], ['x2', 'h1', -0.4],
    ['b', 'h2', -0.2], ['x2', 'h2', 0.5], ['h1', 'h2', 0.9],
    ['h1', 'o0', 0.8], ['h2', 'o0', -0.6], ['h1', 'o1', -0.3], ['h2', 'o1', 0.45], ['h2', 'o2', 1.1],
    ['x1', 'o1', 0.65], ['b', 'o2', -0.15],
  ].map(([source, target, weight]) => ({ id: `${source}->${target}`, source: source as string, target: target as string, weight: weight as number })),
  dataset: { problem: 'classification', classes: ['a', 'b', 'c'], examples: [{ x: [0.3, -0.8], y: [0, 1, 0] }, { x: [-0.5, 0.2], y: [0, 0, 1] }] },
  training: { learningRate: 0.1, mode: 'sequential', shuffle: false, seed: 1, epoch: 0, loss: 'crossEntropy' },
};

const HIDDEN = ['h1', 'h2'];
const OUTPUTS = ['o0', 'o1', 'o2'];

function readout(i: number) {
  const r = readPass(compile(doc), doc.dataset.examples[i]);
  const nodes = Object.fromEntries(r.nodes.map((n) => [n.id, n])) as Record<string, NeuronReadout>;
  return { r, nodes, edges: Object.fromEntries(r.edges.map((e) => [e.id, e])) };
}

/** the value and the recomputation agree bit for bit, the formula ends in the value, and KaTeX reads it */
function expectExact(b: FormulaBlock, engine: number) {
  expect(Object.is(b.value, engine), `${b.quantity}: ${b.value} vs the readout's ${engine}`).toBe(true);
  expect(Object.is(b.check, b.value), `${b.quantity}: check ${b.check} vs ${b.value}`).toBe(true);
  expect(b.tex.endsWith(`${texNumber(engine)} \\end{aligned}`)).toBe(true);
  expect(() => katex.renderToString(b.tex, { throwOnError: true, displayMode: true })).not.toThrow();
}

describe.each([0, 1])('softmax formulas, example %i', (i) => {
  const net = netValues(nets, doc, i)!;
  const { r, nodes, edges } = readout(i);

  it('the readout holds the paths ∂s_m/∂s_k of a softmax net', () => {
    expect(nodes.h1.dsds).toHaveLength(3);
    expect(nodes.o1.dsds).toEqual([0, 1, 0]);
  });

  it('every neuron’s every number is the readout’s', () => {
    for (const id of [...HIDDEN, ...OUTPUTS]) {
      const blocks = neuronFormulas(net, id);
      const n = nodes[id];
      const byKind = (q: string) => blocks.filter((b) => b.quantity === q);
      expectExact(byKind('s')[0], n.s);
      expectExact(byKind('z')[0], n.z);
      expectExact(byKind('dsigma')[0], n.dsigma);
      byKind('dhds').forEach((b, o) => expectExact(b, n.dhds[o]));
      expectExact(byKind('dEds')[0], n.dEds);
      const paths = byKind('dsds');
      expect(paths).toHaveLength(HIDDEN.includes(id) ? 3 : 0);
      paths.forEach((b, m) => expectExact(b, n.dsds![m]));
    }
  });

  it('every edge’s ∂E/∂w (and ∂E/∂s beside it) is the readout’s', () => {
    for (const id of Object.keys(edges)) {
      const blocks = edgeFormulas(net, id);
      expectExact(blocks.find((b) => b.quantity === 'grad')!, edges[id].grad);
      expectExact(blocks.find((b) => b.quantity === 'dEds')!, nodes[edges[id].target].dEds);
    }
  });

  it('writes the Jacobian at an output, not σ′ alone: ∂h_0/∂s_o1 = −h_0 h_1', () => {
    const blocks = neuronFormulas(net, 'o1').filter((b) => b.quantity === 'dhds');
    expect(blocks[0].tex).toContain('h_{0}\\,(\\delta_{01} - h_{1})');
    expect(blocks[0].tex).toContain(`-${texFactor(r.outputs[0].h)} \\cdot ${texFactor(r.outputs[1].h)}`);
    expect(blocks[1].tex).toContain('h_{1}\\,(1 - h_{1})');
    expect(blocks[0].note).toMatch(/h_o\(δ_om − h_m\)/);
  });

  it('writes a hidden neuron’s ∂h/∂s through every output, and its ∂E/∂s as σ′(s)·Σ w ∂E/∂s_succ', () => {
    const [dh0] = neuronFormulas(net, 'h2').filter((b) => b.quantity === 'dhds');
    expect(dh0.tex).toContain('\\sum_m \\frac{\\partial h_{0}}{\\partial s_m}\\, \\frac{\\partial s_m}{\\partial s_{\\text{h2}}}');
    const dE = neuronFormulas(net, 'h1').find((b) => b.quantity === 'dEds')!;
    expect(dE.tex).toContain("\\sigma'(s_{\\text{h1}}) \\sum_{\\text{h1} \\to m} w_{\\text{h1} \\to m}\\, \\frac{\\partial E_i}{\\partial s_m}");
    const out = neuronFormulas(net, 'o2').find((b) => b.quantity === 'dEds')!;
    expect(out.tex).toContain('h_{2} - y_{2}');
    expect(out.note).toMatch(/collapses to h − y/);
  });
});
