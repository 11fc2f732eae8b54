import { describe, expect, it } from 'vitest';
import { compile, trainExample } from '../../../src/engine';
import { exampleQuantities, PREDICT_PHASES, passQuantities } from '../../../src/engine/predict';
import { skipDag, tutorial, worked } from './nets';

describe('the quantities of one example, in the step-through’s order', () => {
  it('2-5-1: s and z per neuron in topological order, E, then per neuron in reverse ∂h/∂s, ∂E/∂s and ∂E/∂w into it, then every new weight', () => {
    const doc = tutorial();
    const { all, r } = worked(doc);
    const neurons = r.order.filter((id) => r.nodes.find((n) => n.id === id)?.type === 'neuron');
    const into = (k: string) => doc.edges.filter((e) => e.target === k).map((e) => `grad:${e.id}`);
    expect(all.map((x) => x.key)).toEqual([
      ...neurons.flatMap((k) => [`s:${k}`, `z:${k}`]),
      'E',
      ...[...neurons].reverse().flatMap((k) => [`dhds:${k}:0`, `dEds:${k}`, ...into(k)]),
      ...doc.edges.map((e) => `update:${e.id}`),
    ]);
    // phases come in the order forward, error, backward, update
    const phases = all.map((x) => PREDICT_PHASES.indexOf(x.phase));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
  });

  it('values are the readout’s, and the new weights the engine’s own training step', () => {
    const doc = tutorial();
    const { q, r, neuron } = worked(doc);
    for (const k of ['1', '3', '6']) {
      expect(q(`s:${k}`).value).toBe(neuron(k).s);
      expect(q(`z:${k}`).value).toBe(neuron(k).z);
      expect(q(`dhds:${k}:0`).value).toBe(neuron(k).dhds[0]);
      expect(q(`dEds:${k}`).value).toBe(neuron(k).dEds);
    }
    expect(q('E').value).toBe(r.error);
    const net = compile(doc);
    const ex = doc.dataset.examples[0];
    trainExample(net, ex.x, ex.y, doc.training.learningRate);
    doc.edges.forEach((e, i) => {
      expect(q(`grad:${e.id}`).value).toBe(r.edges[i].grad);
      expect(q(`update:${e.id}`).value).toBe(net.weights[i]);
    });
  });

  it('skip DAG: the neuron with two paths to the output lists both successors', () => {
    const { q, neuron, w } = worked(skipDag());
    const a = q('dhds:a:0');
    if (a.kind !== 'dhds') throw new Error('kind');
    expect(a.successors.map((t) => t.targetId)).toEqual(['b', 'o']);
    const expected = (neuron('b').dhds[0] * w('a->b') + neuron('o').dhds[0] * w('a->o')) * neuron('a').dsigma;
    expect(a.value).toBeCloseTo(expected, 14);
  });

  it('no update quantities when the example does not end in an update (batch, mid-epoch)', () => {
    const doc = tutorial();
    const { r } = worked(doc);
    expect(passQuantities(doc, r, null).some((x) => x.phase === 'update')).toBe(false);
  });

  it('refuses a missing example or a graph without output, saying which', () => {
    const doc = tutorial();
    expect(() => exampleQuantities({ ...doc, dataset: { examples: [] } }, 0)).toThrow(/no example 0/);
    const noOutput = { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, output: undefined } : n)) };
    expect(() => exampleQuantities(noOutput, 0)).toThrow(/no output neuron/);
  });
});
