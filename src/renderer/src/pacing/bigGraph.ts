import { BIG_GRAPH } from './constants';

/** over 120 nodes or 600 edges: only what is on screen renders, edges paint on one canvas, strokes are paced */
export function isBigGraph(nodes: number, edges: number): boolean {
  return nodes > BIG_GRAPH.nodes || edges > BIG_GRAPH.edges;
}
