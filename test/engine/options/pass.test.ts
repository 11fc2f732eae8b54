// Version 2's pass — derived inputs, new activations, ablation, softmax and cross-entropy — against
// the naive second implementation and against centred finite differences, on random DAGs.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backward, compile, forward, inputValues, KIND_INPUT, type GraphDoc } from '../../../src/engine';
import { checkGradientsAgainstDifferences, expectClose } from '../helpers';
import { naivePass } from '../reference';
import { arbitraryOptionsDoc, clearOfKinks, type OutputForm } from '../options';

const FORMS: OutputForm[] = ['squared', 'binary', 'softmax'];

function expectMatchesNaive(doc: GraphDoc): void {
  const net = compile(doc);
  for (const ex of doc.dataset.examples) {
    const ref = naivePass(doc, ex.x, ex.y);
    forward(net, ex.x);
    const error = backward(net, ex.y);
    expectClose(error, ref.error, 1e-9);
    ref.outputs.forEach((h, o) => expectClose(net.z[net.outputNode[o]], h, 1e-12));
    net.nodeIds.forEach((id, k) => {
      expectClose(net.z[k], ref.z.get(id)!, 1e-12);
      expectClose(net.dEds[k], ref.dEds.get(id)!, 1e-9);
      for (let o = 0; o < net.numOutputs; o++) {
        const outId = net.nodeIds[net.outputNode[o]];
        expectClose(net.dhds[o * net.numNodes + k], ref.dhds.get(`${outId}|${id}`)!, 1e-9);
      }
    });
    net.edgeIds.forEach((id, e) => expectClose(net.grad[e], ref.grad.get(id)!, 1e-9));
  }
}

describe.each(FORMS)('the %s pass', (form) => {
  it('matches the naive implementation: s, z, h, E_i, ∂h/∂s, ∂E/∂s, ∂E/∂w (derived inputs, every activation, parts switched off)', () => {
    // σ' jumps at a kink: where s is within rounding of one, the two implementations' last bits
    // (fdlibm's exp against Math.exp, expm1 against exp − 1) may put it on either side
    const clear = (doc: GraphDoc) => clearOfKinks(doc, (x, y) => naivePass(doc, x, y).s, 1e-12);
    fc.assert(fc.property(arbitraryOptionsDoc({ form, ablate: true }), (doc) => (fc.pre(clear(doc)), expectMatchesNaive(doc))), { numRuns: 150 });
  });

  it('matches centred finite differences of E (rel err ≤ 1e-6, h = 1e-5)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryOptionsDoc({ form, ablate: true }), (doc) => {
        fc.pre(clearOfKinks(doc, (x, y) => naivePass(doc, x, y).s));
        checked += checkGradientsAgainstDifferences(compile(doc), doc.dataset.examples);
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});

describe('softmax and cross-entropy', () => {
  const threeClasses = (): GraphDoc => ({
    nodes: [
      { id: 'b', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      ...[0, 1, 2].map((o) => ({ id: `o${o}`, type: 'neuron' as const, activation: 'softmax' as const, output: o })),
    ],
    edges: [0, 1, 2].flatMap((o) => [
      { id: `b${o}`, source: 'b', target: `o${o}`, weight: [0.1, -0.4, 0.3][o] },
      { id: `x${o}`, source: 'x', target: `o${o}`, weight: [1.2, 0.5, -2][o] },
    ]),
    dataset: { examples: [{ x: [0.7], y: [0, 1, 0] }] },
    training: { learningRate: 0.1, mode: 'sequential', shuffle: false, seed: 1, epoch: 0, loss: 'crossEntropy' },
  });

  it('h is a distribution, ∂E/∂s_o = h_o − y_o at the outputs, and ∂h/∂s is the Jacobian h_o(δ_om − h_m)', () => {
    const net = compile(threeClasses());
    forward(net, [0.7]);
    backward(net, [0, 1, 0]);
    const h = [0, 1, 2].map((o) => net.z[net.outputNode[o]]);
    expectClose(h[0] + h[1] + h[2], 1, 1e-15);
    const s = [0.1 + 1.2 * 0.7, -0.4 + 0.5 * 0.7, 0.3 - 2 * 0.7];
    const total = s.reduce((a, v) => a + Math.exp(v), 0);
    s.forEach((v, o) => expectClose(h[o], Math.exp(v) / total, 1e-15));
    [0, 1, 0].forEach((y, o) => expect(net.dEds[net.outputNode[o]]).toBe(h[o] - y));
    for (let o = 0; o < 3; o++)
      for (let m = 0; m < 3; m++) expectClose(net.dhds[o * net.numNodes + net.outputNode[m]], h[o] * ((o === m ? 1 : 0) - h[m]), 1e-15);
  });

  it('keeps E finite and exact where a naive ln h would give −∞ (s differing by 800)', () => {
    const doc = threeClasses();
    doc.edges[1].weight = 1000; // s_0 ≈ 700, the others near 0: h_1 underflows to 0
    const net = compile(doc);
    forward(net, [0.7]);
    const error = backward(net, [0, 1, 0]);
    const s0 = 0.1 + 1000 * 0.7;
    expectClose(error, s0 - (-0.4 + 0.5 * 0.7), 1e-12); // −ln h_1 = s_0 − s_1 + ln(1 + …)
    expect(Number.isFinite(net.dEds[net.outputNode[0]])).toBe(true);
  });

  it('binary cross-entropy on one sigmoid output: −[y ln h + (1 − y) ln(1 − h)] and ∂E/∂s = h − y', () => {
    const doc: GraphDoc = {
      nodes: [
        { id: 'x', type: 'input', feature: 0 },
        { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      edges: [{ id: 'e', source: 'x', target: 'o', weight: 1.5 }],
      dataset: { examples: [{ x: [0.4], y: [0.25] }] },
      training: { learningRate: 0.1, mode: 'sequential', shuffle: false, seed: 1, epoch: 0, loss: 'crossEntropy' },
    };
    const net = compile(doc);
    forward(net, [0.4]);
    const error = backward(net, [0.25]);
    const h = 1 / (1 + Math.exp(-0.6));
    expectClose(error, -(0.25 * Math.log(h) + 0.75 * Math.log(1 - h)), 1e-15);
    expect(net.dEds[1]).toBe(net.z[1] - 0.25);
    expect(net.grad[0]).toBe(net.dEds[1] * 0.4);
  });
});

describe('inputValues', () => {
  it('gives each input’s z as forward computes it (derived, off inputs 0), in node order', () => {
    fc.assert(
      fc.property(arbitraryOptionsDoc({ form: 'squared', ablate: true }), fc.boolean(), (base, offFirst) => {
        const doc = { ...base, nodes: base.nodes.map((n) => (offFirst && n.id === 'i0' ? { ...n, off: true } : n)) };
        const net = compile(doc);
        const inputs = net.nodeIds.flatMap((_, k) => (net.kind[k] === KIND_INPUT ? [k] : []));
        const out = new Float64Array(inputs.length);
        for (const ex of doc.dataset.examples) {
          forward(net, ex.x);
          inputValues(net, ex.x, out);
          expect(Array.from(out)).toEqual(inputs.map((k) => net.z[k]));
          const i0 = doc.nodes.find((n) => n.id === 'i0')!;
          expect(out[inputs.indexOf(net.nodeIds.indexOf('i0'))]).toBe(offFirst ? 0 : naivePass(doc, ex.x, ex.y).z.get(i0.id));
        }
      }),
      { numRuns: 100 },
    );
  });
});
