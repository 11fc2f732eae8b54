import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedTargets, connectionProblem, type GraphDoc } from '../../src/engine';

/** a random loop-free graph: an input, a bias, `n` neurons, edges only from lower to higher index */
const graphs = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), pairs: fc.array(fc.tuple(fc.nat(10), fc.nat(10)), { maxLength: 30 }) })
  .map(({ n, pairs }): Pick<GraphDoc, 'nodes' | 'edges'> => {
    const nodes: GraphDoc['nodes'] = [
      { id: 'b', type: 'bias' },
      { id: 'x', type: 'input', feature: 0 },
      ...Array.from({ length: n }, (_, i) => ({ id: `h${i}`, type: 'neuron' as const, activation: i % 4 === 3 ? ('softmax' as const) : ('sigmoid' as const) })),
    ];
    const seen = new Set<string>();
    const edges: GraphDoc['edges'] = [];
    for (const [a, c] of pairs) {
      const from = a % nodes.length;
      const to = c % nodes.length;
      if (from >= to || nodes[to].type !== 'neuron' || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      edges.push({ id: `e${edges.length}`, source: nodes[from].id, target: nodes[to].id, weight: 1 });
    }
    return { nodes, edges };
  });

describe('allowed targets of a new edge', () => {
  it('are exactly the nodes the connection rule allows, for every source', () => {
    fc.assert(
      fc.property(graphs, (doc) => {
        for (const source of doc.nodes) {
          const expected = doc.nodes.filter((t) => connectionProblem(doc, source.id, t.id) === null).map((t) => t.id);
          expect(allowedTargets(doc, source.id)).toEqual(expected);
        }
      }),
    );
  });

  it('on a 2,000-node / 10,000-edge graph take one search, not one per node', () => {
    const nodes: GraphDoc['nodes'] = [{ id: 'x', type: 'input', feature: 0 }];
    for (let i = 0; i < 2000; i++) nodes.push({ id: `n${i}`, type: 'neuron', activation: 'sigmoid' });
    // each neuron fed by the five before it: a deep graph in which most nodes reach n1000 or follow it
    const edges: GraphDoc['edges'] = [];
    for (let i = 1; i < 2000; i++) for (let k = 1; k <= 5 && i - k >= 0; k++) edges.push({ id: `e${edges.length}`, source: `n${i - k}`, target: `n${i}`, weight: 1 });
    const doc = { nodes, edges };
    const t = performance.now();
    const targets = allowedTargets(doc, 'n1000');
    expect(performance.now() - t).toBeLessThan(200);
    expect(targets).toEqual(Array.from({ length: 994 }, (_, k) => `n${k + 1006}`));
  });

  it('is empty for a node that does not exist', () => {
    expect(allowedTargets({ nodes: [{ id: 'x', type: 'input', feature: 0 }], edges: [] }, 'nope')).toEqual([]);
  });
});
