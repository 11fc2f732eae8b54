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
/** a grid cell is wider and taller than any node box: boxes that overlap lie in the same or adjacent cells */
const CELL = Math.max(...Object.values(NODE_SIZE).flatMap((s) => [s.w, s.h]));

/**
 * two placed nodes cover each other (checked for graphs up to a few thousand nodes). Each node is
 * compared only with those in its own and the adjacent grid cells (O(n) pairs for a spread-out
 * graph, where comparing every pair was 2 million checks for 2,000 nodes); `overlap` is the test
 * of one pair (boxesOverlap shrunk by 4: nodes may touch).
 */
export function isCrowded(
  doc: Pick<GraphDoc, 'nodes'>,
  overlap: (a: GraphNode['type'], p: Position, b: GraphNode['type'], q: Position) => boolean = (a, p, b, q) => boxesOverlap(a, p, b, q, -4),
): boolean {
  const placed = doc.nodes.filter((n): n is GraphNode & { position: Position } => n.position !== undefined);
  if (placed.length > CROWD_CHECK_LIMIT) return false;
  const cells = new Map<string, (GraphNode & { position: Position })[]>();
  const cellOf = (p: Position) => [Math.floor(p.x / CELL), Math.floor(p.y / CELL)];
  for (const n of placed) {
    const [cx, cy] = cellOf(n.position);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const m of cells.get(`${cx + dx},${cy + dy}`) ?? []) if (overlap(n.type, n.position, m.type, m.position)) return true;
    const key = `${cx},${cy}`;
    const here = cells.get(key);
    if (here) here.push(n);
    else cells.set(key, [n]);
  }
  return false;
}
