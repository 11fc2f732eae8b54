import type { GraphDoc, GraphNode, Position } from '../../../engine';

/** approximate rendered sizes (canvas units), to keep nodes from landing on each other */
export const NODE_SIZE: Record<GraphNode['type'], { w: number; h: number }> = {
  neuron: { w: 150, h: 84 },
  input: { w: 110, h: 52 },
  bias: { w: 110, h: 52 },
};
const GAP = 12;

export function boxesOverlap(a: GraphNode['type'], p: Position, b: GraphNode['type'], q: Position, gap = GAP): boolean {
  const s = NODE_SIZE[a];
  const t = NODE_SIZE[b];
  return p.x < q.x + t.w + gap && q.x < p.x + s.w + gap && p.y < q.y + t.h + gap && q.y < p.y + s.h + gap;
}

/** does a node of `type` at `p` overlap any placed node of the document? */
export function overlapsAny(doc: Pick<GraphDoc, 'nodes'>, type: GraphNode['type'], p: Position): boolean {
  return doc.nodes.some((n) => n.position !== undefined && boxesOverlap(type, p, n.type, n.position));
}

const CROWD_CHECK_LIMIT = 2000;

/** two placed nodes cover each other (checked for graphs up to a few thousand nodes) */
export function isCrowded(doc: Pick<GraphDoc, 'nodes'>): boolean {
  const placed = doc.nodes.filter((n) => n.position);
  if (placed.length > CROWD_CHECK_LIMIT) return false;
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++)
      if (boxesOverlap(placed[i].type, placed[i].position!, placed[j].type, placed[j].position!, -4)) return true;
  return false;
}
