import { describe, expect, it } from 'vitest';
import { layeredPositions, layerOrder, longestPathLayers } from '../../../src/renderer/src/layout/layeredLayout';
import { boxesOverlap } from '../../../src/renderer/src/layout/nodeBoxes';
import { skipDoc } from '../../../src/renderer/src/templates/skip';
import type { GraphDoc } from '../../../src/engine';
import { bigGraph } from './bigGraph';

const idx = (doc: GraphDoc, id: string) => doc.nodes.findIndex((n) => n.id === id);

function overlapping(doc: GraphDoc, at: Record<string, { x: number; y: number }>): number {
  // nodes share a column only within a layer: compare neighbours in each column
  const columns = new Map<number, GraphDoc['nodes']>();
  for (const n of doc.nodes) columns.set(at[n.id].x, [...(columns.get(at[n.id].x) ?? []), n]);
  let count = 0;
  for (const col of columns.values()) {
    col.sort((a, b) => at[a.id].y - at[b.id].y);
    for (let i = 1; i < col.length; i++) if (boxesOverlap(col[i - 1].type, at[col[i - 1].id], col[i].type, at[col[i].id], 0)) count++;
  }
  return count;
}

describe('the fast layered layout', () => {
  it('puts inputs and the bias in the first layer and every edge left to right', () => {
    const doc = bigGraph(300, 1500);
    const layer = longestPathLayers(doc);
    for (const id of ['in_1', 'in_x', 'in_y']) expect(layer[idx(doc, id)]).toBe(0);
    for (const e of doc.edges) expect(layer[idx(doc, e.target)]).toBeGreaterThan(layer[idx(doc, e.source)]);
    const at = layeredPositions(doc);
    for (const e of doc.edges) expect(at[e.target].x).toBeGreaterThan(at[e.source].x);
  });

  it('gives every node a place, no two covering each other', () => {
    const doc = bigGraph(2000, 10000);
    const at = layeredPositions(doc);
    expect(Object.keys(at)).toHaveLength(2000);
    expect(overlapping(doc, at)).toBe(0);
    // columns are wider than the widest node: boxes in different columns never meet
    const xs = [...new Set(Object.values(at).map((p) => p.x))].sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThan(150);
  });

  it('uncrosses two crossed chains by the barycentre sweeps', () => {
    // a → c, b → d, drawn crossed: c above d in the second layer needs a above b
    const doc = {
      ...skipDoc({ examples: [] }),
      nodes: [
        { id: 'b', type: 'input', feature: 1, position: { x: 0, y: 0 } },
        { id: 'a', type: 'input', feature: 0, position: { x: 0, y: 100 } },
        { id: 'c', type: 'neuron', activation: 'sigmoid', position: { x: 200, y: 0 } },
        { id: 'd', type: 'neuron', activation: 'sigmoid', position: { x: 200, y: 100 } },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'c', weight: 1 },
        { id: 'e2', source: 'b', target: 'd', weight: 1 },
      ],
    } as GraphDoc;
    const layers = layerOrder(doc).map((l) => l.map((i) => doc.nodes[i].id));
    expect(layers).toEqual([['b', 'a'], ['d', 'c']]);
    expect(layerOrder(doc, 0).map((l) => l.map((i) => doc.nodes[i].id))).toEqual([['b', 'a'], ['c', 'd']]);
  });

  it('keeps the order of a layer nothing pulls on (document y)', () => {
    const doc = skipDoc({ examples: [] });
    const at = layeredPositions(doc);
    const sources = ['in_1', 'in_x', 'in_y'].sort((p, q) => doc.nodes[idx(doc, p)].position!.y - doc.nodes[idx(doc, q)].position!.y);
    expect(sources.map((id) => at[id].y)).toEqual([...sources.map((id) => at[id].y)].sort((p, q) => p - q));
  });

  it('lays out a 20,000-node chain (deep graphs stay linear)', () => {
    const nodes: GraphDoc['nodes'] = [{ id: 'x', type: 'input', feature: 0 }];
    const edges: GraphDoc['edges'] = [];
    for (let i = 0; i < 20000; i++) {
      nodes.push({ id: `n${i}`, type: 'neuron', activation: 'linear' });
      edges.push({ id: `e${i}`, source: i === 0 ? 'x' : `n${i - 1}`, target: `n${i}`, weight: 1 });
    }
    const at = layeredPositions({ nodes, edges });
    expect(at.n19999.x).toBeGreaterThan(at.n0.x);
  });
});
