// The exploded neuron's numbers against the engine's readout: each box's value and gradient, and
// ∂E/∂z_k from the successors' sum where σ'(s_k) = 0 (a relu below its kink) makes ∂E/∂s_k / σ' 0/0.

import { describe, expect, it } from 'vitest';
import { compile, DEFAULT_TRAINING, readPass, type GraphDoc, type NeuronReadout } from '../../../src/engine';
import { explodeOf } from '../../../src/renderer/src/explode/explodeOf';
import { explodeLayout } from '../../../src/renderer/src/explode/explodeLayout';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

const doc = tutorial251();

function exploded(d: GraphDoc, example: number, id: string) {
  const r = explodeOf(nets, d, example, id);
  if (!r.ok) throw new Error(r.reason);
  return r.neuron;
}

const neuronOf = (d: GraphDoc, example: number, id: string) =>
  readPass(compile(d), d.dataset.examples[example]).nodes.find((n): n is NeuronReadout => n.id === id && n.type === 'neuron')!;

describe('explode neuron on the 2-5-1', () => {
  for (const id of ['3', '6']) {
    it(`neuron ${id}: the boxes equal the readout (∂E/∂(z_j w) = ∂E/∂s_k, ∂E/∂w = ∂E/∂s_k · z_j)`, () => {
      const n = exploded(doc, 2, id);
      const r = readPass(compile(doc), doc.dataset.examples[2]);
      const k = neuronOf(doc, 2, id);
      expect(n.sum).toMatchObject({ value: k.s, grad: k.dEds });
      expect(n.out.value).toBe(k.z);
      expect(n.dsigma).toBe(k.dsigma);
      const incoming = r.edges.filter((e) => e.target === id);
      expect(n.terms.map((t) => t.edgeId)).toEqual(incoming.map((e) => e.id));
      for (const [t, e] of n.terms.map((t, i) => [t, incoming[i]] as const)) {
        const zj = r.nodes.find((m) => m.id === e.source)!.z;
        expect(t.weight).toMatchObject({ value: e.weight, grad: e.grad });
        expect(t.weight.grad).toBe(k.dEds * zj);
        expect(t.input).toMatchObject({ value: zj, grad: k.dEds * e.weight });
        expect(t.product).toMatchObject({ value: zj * e.weight, grad: k.dEds });
      }
      // the σ box passes ∂E/∂z_k · σ'(s_k) back as ∂E/∂s_k
      expect(n.out.grad * k.dsigma).toBeCloseTo(k.dEds, 14);
    });
  }

  it('the output’s ∂E/∂z is 2(h − y)', () => {
    const ex = doc.dataset.examples[2];
    const k = neuronOf(doc, 2, '6');
    expect(exploded(doc, 2, '6').out.grad).toBe(2 * (k.z - ex.y[0]));
  });
});

describe('at σ′ = 0', () => {
  // b is a relu with s_b < 0: σ'(s_b) = 0, so ∂E/∂s_b = 0, yet E still depends on z_b through o
  const relu: GraphDoc = {
    nodes: [
      { id: 'in_1', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      { id: 'b', type: 'neuron', activation: 'relu' },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    edges: [
      { id: 'xb', source: 'x', target: 'b', weight: -1 },
      { id: 'bo', source: 'b', target: 'o', weight: 0.8 },
      { id: '1o', source: 'in_1', target: 'o', weight: 0.1 },
    ],
    dataset: { examples: [{ x: [2], y: [1] }] },
    training: DEFAULT_TRAINING,
  };

  it('shows ∂E/∂z_k from the successors’ sum, not ∂E/∂s_k / σ′', () => {
    const b = neuronOf(relu, 0, 'b');
    const o = neuronOf(relu, 0, 'o');
    expect(b.dsigma).toBe(0);
    const n = exploded(relu, 0, 'b');
    expect(n.out.grad).toBe(o.dEds * 0.8);
    expect(n.out.grad).not.toBe(0);
    expect(Number.isFinite(n.out.grad)).toBe(true);
    expect(n.sum.grad).toBe(0);
  });
});

describe('refusals and layout', () => {
  it('says why an input cannot be exploded, and why nothing shows without an example', () => {
    expect(explodeOf(nets, doc, 0, 'in_x')).toMatchObject({ ok: false, reason: expect.stringMatching(/Only a neuron/) });
    expect(explodeOf(nets, doc, null, '6')).toMatchObject({ ok: false, reason: expect.stringMatching(/Add an example/) });
  });

  it('lays every term out on its own row, the sum and σ in the middle', () => {
    const l = explodeLayout(3);
    expect(new Set(l.terms.map((t) => t.times.y)).size).toBe(3);
    expect(l.terms.every((t) => t.weight.y > t.input.y)).toBe(true);
    expect(l.sigma.y).toBeCloseTo(l.height / 2);
    expect(l.out.x).toBeGreaterThan(l.sigma.x);
  });
});

describe('with cross-entropy', () => {
  const sigmoidCe: GraphDoc = { ...doc, training: { ...doc.training, loss: 'crossEntropy' } };

  it('a sigmoid output’s ∂E/∂z is ∂/∂h of −[y ln h + (1 − y) ln(1 − h)], and its σ box gives back the readout’s ∂E/∂s = h − y', () => {
    const ex = sigmoidCe.dataset.examples[2];
    const k = neuronOf(sigmoidCe, 2, '6');
    const n = exploded(sigmoidCe, 2, '6');
    expect(n.out.grad).toBe((k.z - ex.y[0]) / (k.z * (1 - k.z)));
    expect(n.sum.grad).toBe(k.dEds);
    expect(k.dEds).toBeCloseTo(k.z - ex.y[0], 15);
    expect(n.out.grad * k.dsigma).toBeCloseTo(k.dEds, 14);
  });

  it('a hidden neuron reads the readout as under the squared error (its successors’ ∂E/∂s)', () => {
    const k = neuronOf(sigmoidCe, 2, '3');
    const n = exploded(sigmoidCe, 2, '3');
    expect(n.sum).toMatchObject({ value: k.s, grad: k.dEds });
    expect(n.out.grad * k.dsigma).toBeCloseTo(k.dEds, 14);
  });

  const softmax: GraphDoc = {
    nodes: [
      { id: 'in_1', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      { id: 'h', type: 'neuron', activation: 'tanh' },
      { id: 'o0', type: 'neuron', activation: 'softmax', output: 0 },
      { id: 'o1', type: 'neuron', activation: 'softmax', output: 1 },
    ],
    edges: [
      { id: 'xh', source: 'x', target: 'h', weight: 0.7 },
      { id: 'h0', source: 'h', target: 'o0', weight: 1.2 },
      { id: 'h1', source: 'h', target: 'o1', weight: -0.4 },
      { id: 'b0', source: 'in_1', target: 'o0', weight: 0.1 },
    ],
    dataset: { examples: [{ x: [0.5], y: [0, 1] }] },
    training: { ...DEFAULT_TRAINING, loss: 'crossEntropy' },
  };

  it('a neuron before softmax outputs: its ∂E/∂z is the successors’ Σ ∂E/∂s_m w, as the readout has it', () => {
    const k = neuronOf(softmax, 0, 'h');
    const o0 = neuronOf(softmax, 0, 'o0');
    const o1 = neuronOf(softmax, 0, 'o1');
    const n = exploded(softmax, 0, 'h');
    expect(n.out.grad).toBe(o0.dEds * 1.2 + o1.dEds * -0.4);
    expect(n.sum.grad).toBe(k.dEds);
  });

  it('a softmax output is refused, saying why and where its ∂E/∂s is shown', () => {
    const r = explodeOf(nets, softmax, 0, 'o1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/softmax output.*every output.*h − y/);
  });
});
