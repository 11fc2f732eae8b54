import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connectionProblem, formatCycle, topoSort, validateGraph, wouldCreateCycle } from '../../src/engine';
import { arbitraryDag, edge, makeDoc } from './helpers';

describe('topoSort', () => {
  it('puts every edge’s source before its target, and lists every node once', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 12 }), (doc) => {
        const result = topoSort(
          doc.nodes.map((n) => n.id),
          doc.edges,
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const position = new Map(result.order.map((id, i) => [id, i]));
        expect(position.size).toBe(doc.nodes.length);
        for (const e of doc.edges) expect(position.get(e.source)!).toBeLessThan(position.get(e.target)!);
      }),
    );
  });

  it('reports a cycle as its nodes in edge order', () => {
    const result = topoSort(['a', 'h1', 'h2', 'h4'], [edge('a', 'h1'), edge('h1', 'h4'), edge('h4', 'h1'), edge('h4', 'h2')]);
    expect(result).toEqual({ ok: false, cycle: ['h1', 'h4'] });
    if (!result.ok) expect(formatCycle(result.cycle)).toBe('h1 → h4 → h1');
  });

  it('a 20,000-node chain sorts without recursion', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => edge(ids[i], id));
    const result = topoSort([...ids].reverse(), edges);
    expect(result.ok && result.order[0] === 'n0' && result.order[19_999] === 'n19999').toBe(true);
    const cyclic = topoSort(ids, [...edges, edge('n19999', 'n0')]);
    expect(!cyclic.ok && cyclic.cycle.length).toBe(20_000);
  });

  it('adding a reversed path to a random DAG is reported as a cycle by every checker', () => {
    fc.assert(
      fc.property(arbitraryDag({ maxNeurons: 10 }), fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), (doc, pick, steps) => {
        // walk a path a → b → … → c along existing edges, then propose the edge c → a
        const first = doc.edges[pick % doc.edges.length];
        const a = first.source;
        let c = first.target;
        for (const step of steps) {
          const next = doc.edges.filter((e) => e.source === c);
          if (next.length === 0) break;
          c = next[step % next.length].target;
        }
        if (doc.nodes.find((n) => n.id === a)!.type !== 'neuron') return; // edges into inputs are refused for that reason first
        expect(wouldCreateCycle(doc.edges, c, a)).toBe(true);
        expect(connectionProblem(doc, c, a)).toMatch(new RegExp(`^would close a cycle: ${c} → ${a} → .*${c}$`));
        const withCycle = { ...doc, edges: [...doc.edges, edge(c, a, 0.1, 'back')] };
        const sorted = topoSort(
          doc.nodes.map((n) => n.id),
          withCycle.edges,
        );
        expect(sorted.ok).toBe(false);
        if (!sorted.ok) {
          // the reported nodes really form a cycle
          const has = (x: string, y: string) => withCycle.edges.some((e) => e.source === x && e.target === y);
          sorted.cycle.forEach((id, i) => expect(has(id, sorted.cycle[(i + 1) % sorted.cycle.length])).toBe(true));
        }
        expect(validateGraph(withCycle).map((i) => i.code)).toContain('cycle');
      }),
    );
  });

  it('wouldCreateCycle is false for a path in the forward direction', () => {
    const edges = [edge('a', 'b'), edge('b', 'c')];
    expect(wouldCreateCycle(edges, 'a', 'c')).toBe(false);
    expect(wouldCreateCycle(edges, 'c', 'a')).toBe(true);
    expect(wouldCreateCycle(edges, 'x', 'x')).toBe(true);
  });
});

describe('connectionProblem', () => {
  const doc = makeDoc(
    [
      { id: 'b', type: 'bias' },
      { id: 'i', type: 'input', feature: 0 },
      { id: 'h', type: 'neuron', activation: 'sigmoid' },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    [edge('i', 'h'), edge('h', 'o')],
  );

  it('allows a new edge between a source and a neuron', () => {
    expect(connectionProblem(doc, 'b', 'o')).toBeNull();
    expect(connectionProblem(doc, 'i', 'o')).toBeNull();
  });

  it('names each refused connection', () => {
    expect(connectionProblem(doc, 'h', 'h')).toBe('a node cannot connect to itself');
    expect(connectionProblem(doc, 'i', 'h')).toBe("'i' is already connected to 'h'");
    expect(connectionProblem(doc, 'h', 'i')).toBe('an input takes no incoming edges');
    expect(connectionProblem(doc, 'h', 'b')).toBe('a bias node takes no incoming edges');
    expect(connectionProblem(doc, 'ghost', 'h')).toBe("node 'ghost' does not exist");
    expect(connectionProblem(doc, 'o', 'h')).toBe('would close a cycle: o → h → o');
  });

  it('refuses an edge out of a softmax output (version 2)', () => {
    const softmax = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'o' ? { ...n, activation: 'softmax' as const } : n)) };
    softmax.nodes.push({ id: 'h2', type: 'neuron', activation: 'tanh' });
    expect(connectionProblem(softmax, 'o', 'h2')).toBe('a softmax output feeds no other neuron');
    expect(connectionProblem(softmax, 'h2', 'o')).toBeNull();
  });
});
