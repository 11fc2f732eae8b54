import type { GraphEdge } from '../../../../engine/format/types';

// Every mounted edge reads its weight from the document by id; an index per edges array makes
// that O(1) instead of a search through 10,000 edges per edge. One per studio (createStudio);
// the index of an edges array no longer held is dropped with it.

export interface EdgeIndex {
  /** the document's weight of edge `id` (0 when it is gone) */
  weightOf(edges: readonly GraphEdge[], id: string): number;
}

export function createEdgeIndex(): EdgeIndex {
  const indexes = new WeakMap<readonly GraphEdge[], Map<string, number>>();
  return {
    weightOf(edges, id) {
      let index = indexes.get(edges);
      if (!index) {
        index = new Map(edges.map((e, i) => [e.id, i]));
        indexes.set(edges, index);
      }
      const i = index.get(id);
      return i === undefined ? 0 : edges[i].weight;
    },
  };
}
