// forward/backward on random DAGs (skip edges, every activation, several outputs, outputs feeding
// other neurons): against the naive reference and against centred finite differences.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backward, compile, forward, type GraphDoc } from '../../src/engine';
import { arbitraryDag, checkGradientsAgainstDifferences, edge, expectClose, makeDoc, referencePass } from './helpers';

/** relu's derivative jumps at s = 0: keep every relu pre-activation clear of the kink */
function reluClearOfKink(doc: GraphDoc): boolean {
  const relus = doc.nodes.filter((n) => n.type === 'neuron' && n.activation === 'relu').map((n) => n.id);
  return doc.dataset.examples.every((ex) => {
    const ref = referencePass(doc, ex.x, ex.y);
    return relus.every((id) => Math.abs(ref.s.get(id)!) > 1e-3);
  });
}

describe('backward', () => {
  it('matches the naive reference: s, z, ∂h/∂s, ∂E/∂s, ∂E/∂w and E_i', () => {
    fc.assert(
      fc.property(arbitraryDag(), (doc) => {
        const net = compile(doc);
        for (const ex of doc.dataset.examples) {
          const ref = referencePass(doc, ex.x, ex.y);
          forward(net, ex.x);
          const error = backward(net, ex.y);
          expectClose(error, ref.error);
          net.nodeIds.forEach((id, k) => {
            expectClose(net.z[k], ref.z.get(id)!);
            expectClose(net.dEds[k], ref.dEds.get(id)!);
            for (let o = 0; o < net.numOutputs; o++) {
              const outId = net.nodeIds[net.outputNode[o]];
              expectClose(net.dhds[o * net.numNodes + k], ref.dhds.get(`${outId}|${id}`)!);
            }
          });
          net.edgeIds.forEach((id, e) => expectClose(net.grad[e], ref.grad.get(id)!));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('matches centred finite differences (rel err ≤ 1e-6, h = 1e-5)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryDag(), (doc) => {
        fc.pre(reluClearOfKink(doc));
        checked += checkGradientsAgainstDifferences(compile(doc), doc.dataset.examples);
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('an output that feeds another output: ∂h_o/∂s_o = σ′(s_o) and the other output’s path runs through it', () => {
    const doc = makeDoc(
      [
        { id: 'i', type: 'input', feature: 0 },
        { id: 'a', type: 'neuron', activation: 'tanh', output: 1 },
        { id: 'b', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      [edge('i', 'a', 0.7), edge('a', 'b', -1.3), edge('i', 'b', 0.4)],
      [{ x: [0.9], y: [1, -1] }],
    );
    const net = compile(doc);
    forward(net, [0.9]);
    backward(net, [1, -1]);
    const [i, a, b] = [0, 1, 2];
    const za = Math.tanh(0.7 * 0.9);
    const zb = 1 / (1 + Math.exp(-(-1.3 * za + 0.4 * 0.9)));
    const n = net.numNodes;
    expectClose(net.dhds[1 * n + a], 1 - za * za); // ∂h_a/∂s_a
    expectClose(net.dhds[1 * n + b], 0); // b does not lead to a
    expectClose(net.dhds[0 * n + b], zb * (1 - zb)); // ∂h_b/∂s_b
    expectClose(net.dhds[0 * n + a], zb * (1 - zb) * -1.3 * (1 - za * za)); // ∂h_b/∂s_a via a → b
    expect(net.dhds[0 * n + i]).toBe(0);
    expectClose(net.dEds[a], 2 * (zb - 1) * net.dhds[a] + 2 * (za + 1) * net.dhds[n + a]);
  });

  it('a neuron with no incoming edge has s = 0; one leading to no output has zero gradients', () => {
    const doc = makeDoc(
      [
        { id: 'i', type: 'input', feature: 0 },
        { id: 'lonely', type: 'neuron', activation: 'sigmoid' },
        { id: 'dead', type: 'neuron', activation: 'sigmoid' },
        { id: 'o', type: 'neuron', activation: 'linear', output: 0 },
      ],
      [edge('lonely', 'o', 2), edge('i', 'dead', 1)],
      [{ x: [0.3], y: [0] }],
    );
    const net = compile(doc);
    forward(net, [0.3]);
    backward(net, [0]);
    expect(net.z[1]).toBe(0.5);
    expect(net.z[3]).toBe(1); // 0.5 · 2
    expect(net.grad[1]).toBe(0);
  });
});
