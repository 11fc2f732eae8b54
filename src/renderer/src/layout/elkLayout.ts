import type { ELK as ElkInstance } from 'elkjs/lib/elk-api';
import type { GraphDoc, Position } from '../../../engine';
import { isCrowded, NODE_SIZE } from './nodeBoxes';

// Automatic layout: ELK's layered algorithm, left to right (inputs on the left, outputs on the
// right), with the bias and inputs forced into the first layer. The bundled build runs on the
// main thread without eval, so it works under the app's CSP. It is over half of the app's code,
// so it loads on the first layout rather than delaying the first paint.

export interface Layout {
  /** start loading ELK once the page is idle, so the first layout does not wait for it */
  preload(): void;
  positions(doc: Pick<GraphDoc, 'nodes' | 'edges'>): Promise<Record<string, Position>>;
  /** the document with every node placed by the layout */
  laidOut(doc: GraphDoc): Promise<GraphDoc>;
}

export function createLayout(): Layout {
  let elk: Promise<ElkInstance> | null = null;
  const load = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));
  const positions = async (doc: Pick<GraphDoc, 'nodes' | 'edges'>) => layoutPositions(await load(), doc);
  return {
    preload() {
      const start = () => void load();
      if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 3000 });
      else setTimeout(start, 1000);
    },
    positions,
    async laidOut(doc) {
      const at = await positions(doc);
      return { ...doc, nodes: doc.nodes.map((n) => (at[n.id] ? { ...n, position: { ...n.position, ...at[n.id] } } : n)) };
    },
  };
}

async function layoutPositions(elk: ElkInstance, doc: Pick<GraphDoc, 'nodes' | 'edges'>): Promise<Record<string, Position>> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
      // within a layer, the document's order top to bottom (neurons 1, 2, 3… as a person numbered them)
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    },
    children: doc.nodes.map((n) => ({
      id: n.id,
      width: NODE_SIZE[n.type].w,
      height: NODE_SIZE[n.type].h,
      layoutOptions: n.type !== 'neuron' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : undefined,
    })),
    edges: doc.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, Position> = {};
  for (const child of graph.children ?? []) out[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return out;
}

/** some node has no position, or nodes sit on top of each other */
export function needsLayout(doc: Pick<GraphDoc, 'nodes'>): boolean {
  return doc.nodes.some((n) => !n.position) || isCrowded(doc);
}
