import { describe, expect, it } from 'vitest';
import { topologyKey } from '../../../src/renderer/src/training/topologyKey';
import { layeredDoc } from './fixtures';

describe('topologyKey', () => {
  it('ignores weights and positions, and changes with what the compiled net depends on', () => {
    const doc = layeredDoc([3]);
    const key = topologyKey(doc);
    expect(topologyKey({ nodes: doc.nodes.map((n) => ({ ...n, position: { x: 9, y: 9 } })), edges: doc.edges.map((e) => ({ ...e, weight: 5 })) })).toBe(key);
    const tanh = doc.nodes.map((n) => (n.id === 'out' && n.type === 'neuron' ? { ...n, activation: 'tanh' as const } : n));
    expect(topologyKey({ nodes: tanh, edges: doc.edges })).not.toBe(key);
    expect(topologyKey({ nodes: doc.nodes, edges: doc.edges.slice(1) })).not.toBe(key);
    // the same arrays again give the same answer (remembered, not recomputed into something else)
    expect(topologyKey({ nodes: doc.nodes, edges: doc.edges })).toBe(key);
    expect(topologyKey({ nodes: tanh, edges: doc.edges })).not.toBe(key);
  });
});
