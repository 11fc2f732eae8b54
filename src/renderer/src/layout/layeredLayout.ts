import { topoSort, type Position } from '../../../engine';
import { NODE_SIZE } from './nodeBoxes';
import type { LayoutGraph } from './layoutProtocol';

// A fast layered layout for graphs too big for ELK (layout/layoutPolicy.ts says when): layers by
// longest path from the sources, the order within each layer by a few barycentre sweeps, each
// layer a column. Time O(sweeps · (V + E) + V log V): a 2,000-node / 10,000-edge graph in tens
// of milliseconds where ELK takes minutes. Written here rather than taken from a library: the
// maintained layered layouts (ELK, dagre) are the slow ones, and this is the part of Sugiyama's
// method that big graphs need (no dummy nodes, no crossing counts).

export const LAYER_GAP = 110;
export const NODE_GAP = 28;
/** barycentre sweeps (down and back up counts as two) */
export const SWEEPS = 4;

type LayoutInput = LayoutGraph;

/** packed adjacency over node indices: edges into and out of each node */
interface Adjacency {
  preds: number[][];
  succs: number[][];
}

function adjacency(doc: LayoutInput, index: Map<string, number>): Adjacency {
  const preds: number[][] = doc.nodes.map(() => []);
  const succs: number[][] = doc.nodes.map(() => []);
  for (const e of doc.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    preds[b].push(a);
    succs[a].push(b);
  }
  return { preds, succs };
}

/** layer(v) = 0 for inputs and bias, else max(1, 1 + max layer(u) over edges u → v) — longest path */
export function longestPathLayers(doc: LayoutInput): Int32Array {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const { preds } = adjacency(doc, index);
  const topo = topoSort(
    doc.nodes.map((n) => n.id),
    doc.edges,
  );
  // a cycle cannot reach here from a valid document; document order is the fallback
  const order = topo.ok ? topo.order.map((id) => index.get(id)!) : doc.nodes.map((_, i) => i);
  const layer = new Int32Array(doc.nodes.length);
  for (const v of order) {
    if (doc.nodes[v].type !== 'neuron') continue;
    let l = 1;
    for (const u of preds[v]) l = Math.max(l, layer[u] + 1);
    layer[v] = l;
  }
  return layer;
}

/** each layer's node indices, in the document's vertical order (position y, else file order) */
function initialOrder(doc: LayoutInput, layer: Int32Array): number[][] {
  const count = layer.reduce((m, l) => Math.max(m, l + 1), 1);
  const layers: number[][] = Array.from({ length: count }, () => []);
  doc.nodes.forEach((_, i) => layers[layer[i]].push(i));
  const y = (i: number) => doc.nodes[i].position?.y ?? i;
  for (const l of layers) l.sort((a, b) => y(a) - y(b) || a - b);
  return layers;
}

/** rank(v) ∈ [0, 1]: v's place within its layer */
function setRanks(rank: Float64Array, l: readonly number[]): void {
  l.forEach((v, k) => (rank[v] = l.length > 1 ? k / (l.length - 1) : 0.5));
}

/** reorders one layer by barycentre b(v) = mean rank of v's neighbours (v keeps its rank without any) */
function sortByBarycentre(nodes: number[], neighbours: number[][], rank: Float64Array): void {
  const b = new Map<number, number>();
  for (const v of nodes) {
    const ns = neighbours[v];
    b.set(v, ns.length === 0 ? rank[v] : ns.reduce((s, u) => s + rank[u], 0) / ns.length);
  }
  nodes.sort((p, q) => b.get(p)! - b.get(q)! || rank[p] - rank[q]);
}

/** the order of each layer after `sweeps` alternating sweeps (down by predecessors, up by successors) */
export function layerOrder(doc: LayoutInput, sweeps = SWEEPS): number[][] {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const adj = adjacency(doc, index);
  const layer = longestPathLayers(doc);
  const layers = initialOrder(doc, layer);
  const rank = new Float64Array(doc.nodes.length);
  for (const l of layers) setRanks(rank, l);
  for (let s = 0; s < sweeps; s++) {
    const down = s % 2 === 0;
    const seq = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const l of seq) {
      // each layer follows the one just ordered
      sortByBarycentre(l, down ? adj.preds : adj.succs, rank);
      setRanks(rank, l);
    }
  }
  return layers;
}

/**
 * positions for every node: layer k is a column at x = k · (widest node + LAYER_GAP), each column
 * from y = 0 down (top-aligned, so the view where a file opens shows the start of every column
 * rather than the empty middle of a tall one)
 */
export function layeredPositions(doc: LayoutInput, sweeps = SWEEPS): Record<string, Position> {
  const layers = layerOrder(doc, sweeps);
  const width = Math.max(...Object.values(NODE_SIZE).map((s) => s.w));
  const height = (v: number) => NODE_SIZE[doc.nodes[v].type].h;
  const out: Record<string, Position> = {};
  layers.forEach((l, k) => {
    let y = 0;
    for (const v of l) {
      out[doc.nodes[v].id] = { x: k * (width + LAYER_GAP), y };
      y += height(v) + NODE_GAP;
    }
  });
  return out;
}
