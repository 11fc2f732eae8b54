import type { ELK } from 'elkjs/lib/elk-api';
import type { Position } from '../../../engine';
import { layeredPositions } from './layeredLayout';
import type { LayoutMethod } from './layoutPolicy';
import type { LayoutGraph } from './layoutProtocol';
import { NODE_SIZE } from './nodeBoxes';

// Every node's place by a method: the one computation behind the layout worker and the page
// fallback. ELK is over half of the app's code, so it loads on the first ELK layout (or preload).

export function createPositioner() {
  let elk: Promise<ELK> | null = null;
  const load = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));
  return {
    /** loads ELK now; resolves once it is loaded (or failed to: the first ELK layout then says why) */
    preload: (): Promise<void> => load().then(
      () => undefined,
      () => undefined,
    ),
    async positions(method: LayoutMethod, graph: LayoutGraph): Promise<Record<string, Position>> {
      return method === 'elk' ? elkPositions(await load(), graph) : layeredPositions(graph);
    },
  };
}

export type Positioner = ReturnType<typeof createPositioner>;

/** ELK's layered algorithm, left to right, with the bias and inputs forced into the first layer */
async function elkPositions(elk: ELK, doc: LayoutGraph): Promise<Record<string, Position>> {
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
