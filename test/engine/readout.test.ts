import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backward,
  byId,
  compile,
  forward,
  KIND_NEURON,
  readExample,
  readForward,
  readPass,
  trace,
  type Net,
  type NeuronReadout,
} from '../../src/engine';
import { arbitraryDag, edge, expectClose, loadFixture, makeDoc, PERCEPTRON, referencePass, TWO_FIVE_ONE } from './helpers';

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

/** the trace as it was built before the readout: straight from the net's buffers after forward + backward */
function traceFromBuffers(net: Net, error: number) {
  const outputIds = Array.from(net.outputNode, (k) => net.nodeIds[k]);
  const nodes = Object.fromEntries(
    net.nodeIds.map((id, k) => {
      if (net.kind[k] !== KIND_NEURON) return [id, { z: net.z[k] }];
      const dhds = Object.fromEntries(outputIds.map((outId, o) => [outId, net.dhds[o * net.numNodes + k]]));
      return [id, { s: net.s[k], z: net.z[k], dhds, dEds: net.dEds[k] }];
    }),
  );
  const edges = Object.fromEntries(net.edgeIds.map((id, e) => [id, { weight: net.weights[e], grad: net.grad[e] }]));
  return { order: Array.from(net.order, (k) => net.nodeIds[k]), nodes, outputs: Array.from(net.outputNode, (k) => net.z[k]), error, edges };
}

describe('the readout of a pass', () => {
  it('gives the tutorial 2-5-1’s hand-derived numbers for every example', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const w = (from: string, to: string) => doc.edges.find((e) => e.source === from && e.target === to)!.weight;
    const net = compile(doc);
    const hidden = ['1', '2', '3', '4', '5'];
    for (const { x, y } of doc.dataset.examples) {
      const r = readPass(net, { x, y });
      const nodes = byId(r.nodes);
      const z: Record<string, number> = {};
      for (const j of hidden) z[j] = sigmoid(w('in_1', j) + w('in_x', j) * x[0] + w('in_y', j) * x[1]);
      const s6 = w('in_1', '6') + hidden.reduce((sum, j) => sum + w(j, '6') * z[j], 0);
      const z6 = sigmoid(s6);
      const six = nodes['6'] as NeuronReadout;
      expectClose(six.s, s6);
      expectClose(six.z, z6);
      expectClose(six.dsigma, z6 * (1 - z6)); // σ' = σ(1 − σ)
      expectClose(six.dhds[0], z6 * (1 - z6)); // ∂h/∂s_6 = σ'(s_6)
      expectClose(six.dEds, 2 * (z6 - y[0]) * z6 * (1 - z6));
      for (const j of hidden) {
        const n = nodes[j] as NeuronReadout;
        expectClose(n.z, z[j]);
        // ∂h/∂s_j = σ'(s_6) w_{j→6} σ'(s_j)
        expectClose(n.dhds[0], z6 * (1 - z6) * w(j, '6') * z[j] * (1 - z[j]));
      }
      expect(nodes.in_x).toEqual({ id: 'in_x', type: 'input', z: x[0] });
      expect(nodes.in_1).toEqual({ id: 'in_1', type: 'bias', z: 1 });
      expect(r.outputs).toEqual([{ nodeId: '6', h: six.z, y: y[0] }]);
      expectClose(r.error, (z6 - y[0]) ** 2);
      const edges = byId(r.edges);
      expect(edges['3->6']).toMatchObject({ source: '3', target: '6', weight: w('3', '6') });
      // ∂E/∂w_{j→6} = 2 (z_6 − y) σ'(s_6) z_j and ∂E/∂w_{in_x→j} = 2 (z_6 − y) σ'(s_6) w_{j→6} σ'(s_j) x
      expectClose(edges['3->6'].grad, 2 * (z6 - y[0]) * z6 * (1 - z6) * z['3']);
      expectClose(edges['in_x->3'].grad, 2 * (z6 - y[0]) * z6 * (1 - z6) * w('3', '6') * z['3'] * (1 - z['3']) * x[0]);
    }
  });

  it('matches the naive reference on random DAGs (several outputs, outputs feeding neurons)', () => {
    fc.assert(
      fc.property(arbitraryDag(), (doc) => {
        const net = compile(doc);
        for (const ex of doc.dataset.examples) {
          const ref = referencePass(doc, ex.x, ex.y);
          const r = readPass(net, ex);
          expectClose(r.error, ref.error);
          for (const node of r.nodes) {
            expectClose(node.z, ref.z.get(node.id)!);
            if (node.type !== 'neuron') continue;
            expectClose(node.s, ref.s.get(node.id)!);
            expectClose(node.dEds, ref.dEds.get(node.id)!);
            r.outputs.forEach((o, i) => expectClose(node.dhds[i], ref.dhds.get(`${o.nodeId}|${node.id}`)!));
          }
          for (const e of r.edges) expectClose(e.grad, ref.grad.get(e.id)!);
          r.outputs.forEach((o, i) => expect(o.y).toBe(ex.y[i]));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the document’s order for nodes and edges, and the topological order of the pass', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const r = readPass(compile(doc), doc.dataset.examples[0]);
    expect(r.nodes.map((n) => n.id)).toEqual(doc.nodes.map((n) => n.id));
    expect(r.edges.map((e) => e.id)).toEqual(doc.edges.map((e) => e.id));
    const position = new Map(r.order.map((id, p) => [id, p]));
    for (const e of doc.edges) expect(position.get(e.source)!).toBeLessThan(position.get(e.target)!);
  });

  it('is what the CLI’s trace prints, to the bit (every example of both tutorials)', () => {
    for (const name of [TWO_FIVE_ONE, PERCEPTRON]) {
      const doc = loadFixture(name);
      const net = compile(doc);
      doc.dataset.examples.forEach((ex, i) => {
        forward(net, ex.x);
        const expected = JSON.stringify(traceFromBuffers(net, backward(net, ex.y)));
        expect(JSON.stringify(trace(doc, i))).toBe(expected);
      });
    }
  });

  it('runs forward only when the net has no outputs: s, z and σ′, no gradients', () => {
    const doc = makeDoc(
      [
        { id: 'b', type: 'bias' },
        { id: 'i', type: 'input', feature: 0 },
        { id: 'n', type: 'neuron', activation: 'tanh' },
      ],
      [edge('b', 'n', 0.5), edge('i', 'n', 2)],
      [{ x: [0.25], y: [] }],
    );
    const r = readExample(compile(doc), doc.dataset.examples[0]);
    expect(r.backward).toBe(false);
    const n = byId(r.nodes).n;
    expect(n).toEqual({ id: 'n', type: 'neuron', s: 0.5 + 2 * 0.25, z: expect.any(Number), dsigma: expect.any(Number) });
    if (n.type !== 'neuron') throw new Error('n is a neuron');
    expectClose(n.z, Math.tanh(1));
    expectClose(n.dsigma, 1 - Math.tanh(1) ** 2);
    expect(r.edges[1]).toEqual({ id: 'i->n', source: 'i', target: 'n', weight: 2 });
    expect(r.outputs).toEqual([]);
    expect('error' in r).toBe(false);
  });

  it('runs the full pass whenever the net has outputs, and forward alone on request', () => {
    const doc = loadFixture(PERCEPTRON);
    const net = compile(doc);
    const ex = doc.dataset.examples[3];
    const full = readExample(net, ex);
    expect(full.backward).toBe(true);
    const fwd = readForward(net, ex.x);
    expect(fwd.outputs).toEqual(full.outputs.map(({ nodeId, h }) => ({ nodeId, h })));
  });

  it('reads the net’s current weights (copied in by the caller), not the document’s', () => {
    const doc = loadFixture(PERCEPTRON);
    const net = compile(doc);
    net.weights.fill(0);
    const r = readPass(net, doc.dataset.examples[0]);
    expect(r.outputs[0].h).toBe(0.5); // σ(0)
    expect(r.edges.map((e) => e.weight)).toEqual([0, 0, 0]);
  });

  it('keys records by id as ordinary keys, __proto__ included', () => {
    const doc = makeDoc(
      [
        { id: '__proto__', type: 'input', feature: 0 },
        { id: 'constructor', type: 'neuron', activation: 'linear', output: 0 },
      ],
      [edge('__proto__', 'constructor', 2, '__proto__')],
      [{ x: [3], y: [1] }],
    );
    const r = readPass(compile(doc), doc.dataset.examples[0]);
    const nodes = byId(r.nodes);
    expect(Object.keys(nodes)).toEqual(['__proto__', 'constructor']);
    expect(nodes['__proto__'].z).toBe(3);
    expect(byId(r.edges)['__proto__'].grad).toBe(2 * (6 - 1) * 3);
  });

  it('refuses an example too short for the net, naming what is missing', () => {
    const net = compile(loadFixture(TWO_FIVE_ONE));
    expect(() => readPass(net, { x: [0.5], y: [1] })).toThrow('x has 1 value(s), but the net reads feature 1');
    expect(() => readPass(net, { x: [0.5, 0.5], y: [] })).toThrow('y has 0 value(s), but the net has 1 output(s)');
    expect(() => readForward(net, [])).toThrow(RangeError);
  });
});
