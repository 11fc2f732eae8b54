import { describe, expect, it } from 'vitest';
import { trace, type GraphDoc, type TraceNeuron } from '../../../src/engine';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { computeLive } from '../../../src/renderer/src/live/computeLive';
import { setWeightsIn } from '../../../src/renderer/src/store/docEdits';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

const nets = createNetCache().user();

const tutorial = tutorial251;
const neuron = (doc: GraphDoc, id: string) => trace(doc, 0).nodes[id] as TraceNeuron;

describe('computeLive', () => {
  it('gives exactly the engine trace for the example in hand', () => {
    const doc = tutorial();
    for (const i of [0, 7]) {
      const live = computeLive(doc, i, nets.netFor)!;
      const t = trace(doc, i);
      for (const [id, node] of Object.entries(t.nodes)) {
        expect(live.nodes[id].z).toBe(node.z);
        if ('s' in node) {
          expect(live.nodes[id].s).toBe(node.s);
          expect(live.nodes[id].dhds).toEqual([node.dhds['6']]);
          expect(live.nodes[id].dEds).toBe(node.dEds);
        }
      }
      for (const [id, e] of Object.entries(t.edges)) expect(live.edges[id].grad).toBe(e.grad);
      expect(live.error).toBe(t.error);
    }
  });

  it('follows new weights without a new topology (the cached net is refreshed)', () => {
    const doc = tutorial();
    computeLive(doc, 0, nets.netFor);
    const changed = setWeightsIn(doc, { 'in_x->1': 3.5, '1->6': -2 });
    expect(computeLive(changed, 0, nets.netFor)!.nodes['6'].z).toBe(trace(changed, 0).nodes['6'].z);
  });

  it('recompiles when an activation changes', () => {
    const doc = tutorial();
    computeLive(doc, 0, nets.netFor);
    const tanh: GraphDoc = { ...doc, nodes: doc.nodes.map((n) => (n.id === '3' && n.type === 'neuron' ? { ...n, activation: 'tanh' } : n)) };
    expect(computeLive(tanh, 0, nets.netFor)!.nodes['3'].z).toBe(Math.tanh(neuron(doc, '3').s));
  });

  it('shows s and z but no derivatives while there is no output neuron', () => {
    const doc = tutorial();
    const noOutput: GraphDoc = { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, output: undefined } : n)) };
    const live = computeLive(noOutput, 0, nets.netFor)!;
    expect(live.nodes['3'].s).toBe(neuron(doc, '3').s);
    expect(live.nodes['3'].dhds).toBeUndefined();
    expect(live.error).toBeNull();
  });

  it('is null for a missing example or a graph that breaks a rule', () => {
    const doc = tutorial();
    expect(computeLive(doc, doc.dataset.examples.length, nets.netFor)).toBeNull();
    const broken: GraphDoc = { ...doc, nodes: doc.nodes.map((n) => (n.id === '3' && n.type === 'neuron' ? { ...n, output: 5 } : n)) };
    expect(computeLive(broken, 0, nets.netFor)).toBeNull();
  });
});
