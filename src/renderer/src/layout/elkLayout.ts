import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphDoc, Position } from '../../../engine';

// Automatic layout: ELK's layered algorithm, left to right (inputs on the left, outputs on the
// right), with the bias and inputs forced into the first layer. The bundled build runs on the
// main thread without eval, so it works under the app's CSP.

const elk = new ELK();

/** approximate rendered sizes, so layers do not overlap */
const SIZE = { neuron: { width: 150, height: 96 }, input: { width: 110, height: 56 }, bias: { width: 110, height: 56 } };

export async function layoutPositions(doc: Pick<GraphDoc, 'nodes' | 'edges'>): Promise<Record<string, Position>> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: doc.nodes.map((n, i) => ({
      id: n.id,
      ...SIZE[n.type],
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

export function needsLayout(doc: Pick<GraphDoc, 'nodes'>): boolean {
  return doc.nodes.some((n) => !n.position);
}

/** the document with every node placed by the layout */
export async function laidOut(doc: GraphDoc): Promise<GraphDoc> {
  const positions = await layoutPositions(doc);
  return { ...doc, nodes: doc.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...n.position, ...positions[n.id] } } : n)) };
}
