import type { ELK as ElkInstance } from 'elkjs/lib/elk-api';
import type { GraphDoc, Position } from '../../../engine';
import { isCrowded, NODE_SIZE } from './nodeBoxes';

// Automatic layout: ELK's layered algorithm, left to right (inputs on the left, outputs on the
// right), with the bias and inputs forced into the first layer. The bundled build runs on the
// main thread without eval, so it works under the app's CSP. It is over half of the app's code,
// so it loads on the first layout rather than delaying the first paint.

let elk: Promise<ElkInstance> | null = null;
/** start loading ELK once the page is idle, so the first layout does not wait for it */
export function preloadLayout(): void {
  const start = () => void loadElk();
  if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}

function loadElk(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

export async function layoutPositions(doc: Pick<GraphDoc, 'nodes' | 'edges'>): Promise<Record<string, Position>> {
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: doc.nodes.map((n, i) => ({
      id: n.id,
      width: NODE_SIZE[n.type].w,
      height: NODE_SIZE[n.type].h,
      layoutOptions: {
        ...(n.type !== 'neuron' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
        // keep the document's vertical order within a layer
        'elk.position': `(0, ${n.position?.y ?? i})`,
      },
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

/** the document with every node placed by the layout */
export async function laidOut(doc: GraphDoc): Promise<GraphDoc> {
  const positions = await layoutPositions(doc);
  return { ...doc, nodes: doc.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...n.position, ...positions[n.id] } } : n)) };
}
