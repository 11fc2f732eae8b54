import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../src/engine';
import { boxesOverlap, isCrowded } from '../../../src/renderer/src/layout/nodeBoxes';

// Whether an opened file's nodes cover each other (then it is laid out before it is shown).

const TYPES: GraphNode['type'][] = ['neuron', 'input', 'bias'];

function node(i: number, x: number, y: number): GraphNode {
  const type = TYPES[i % 3];
  return type === 'neuron'
    ? { id: `n${i}`, type, activation: 'sigmoid', position: { x, y } }
    : type === 'input'
      ? { id: `n${i}`, type, feature: 0, position: { x, y } }
      : { id: `n${i}`, type, position: { x, y } };
}

/** every pair, as it was checked before */
function crowdedByEveryPair(nodes: GraphNode[]): boolean {
  return nodes.some((a, i) => nodes.some((b, j) => j > i && boxesOverlap(a.type, a.position!, b.type, b.position!, -4)));
}

describe('isCrowded', () => {
  it('compares a spread-out 2,000-node graph pair by pair only near each node (it was 2 million pairs)', () => {
    // bench:ui's big file: columns 200 apart, rows 80
    const nodes = Array.from({ length: 2000 }, (_, i) => node(i, 40 + Math.floor(i / 20) * 200, (i % 20) * 80));
    let pairs = 0;
    const counted = (...args: Parameters<typeof boxesOverlap>) => (pairs++, boxesOverlap(args[0], args[1], args[2], args[3], -4));
    expect(isCrowded({ nodes }, counted)).toBe(false);
    expect(pairs).toBeGreaterThan(0);
    expect(pairs).toBeLessThan(9 * nodes.length);
  });

  it('agrees with checking every pair on random placements', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let crowded = 0;
    for (let trial = 0; trial < 300; trial++) {
      const spread = 200 + random() * 3000;
      const nodes = Array.from({ length: 12 }, (_, i) => node(i, (random() - 0.5) * spread, (random() - 0.5) * spread));
      const expected = crowdedByEveryPair(nodes);
      if (expected) crowded++;
      expect(isCrowded({ nodes }), `trial ${trial}`).toBe(expected);
    }
    // both answers occur among the trials
    expect(crowded).toBeGreaterThan(20);
    expect(crowded).toBeLessThan(280);
  });

  it('finds two nodes that touch only across a cell corner', () => {
    const nodes = [node(0, 149, 149), node(3, 151 + 100, 151 + 40)];
    expect(isCrowded({ nodes })).toBe(crowdedByEveryPair(nodes));
    expect(isCrowded({ nodes })).toBe(true);
  });
});
