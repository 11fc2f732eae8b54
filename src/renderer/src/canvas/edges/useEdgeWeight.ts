import type { GraphEdge } from '../../../../engine/types';
import { useDocument } from '../../store/document';
import { useShownWeights } from '../../live/shownWeights';

// An edge's weight, read by id: the shown weights while training runs (fresher than the
// document's), else the document's. `pick` maps it to what the component draws (its exact
// value, or a stroke bucket), so the edge re-renders only when that changes: 2,000 edges of
// which a snapshot moves a handful of buckets re-render a handful.

const indexes = new WeakMap<readonly GraphEdge[], Map<string, number>>();

/** the document's weight of edge `id` (0 when it is gone): O(1) per call, one index per edges array */
export function docWeight(edges: readonly GraphEdge[], id: string): number {
  let index = indexes.get(edges);
  if (!index) {
    index = new Map(edges.map((e, i) => [e.id, i]));
    indexes.set(edges, index);
  }
  const i = index.get(id);
  return i === undefined ? 0 : edges[i].weight;
}

/** `forStroke`: the shown weights as the strokes follow them (a big graph's at a lower rate) */
export function useEdgeWeight<T extends number | string>(id: string, pick: (weight: number) => T, forStroke = false): T {
  const shown = useShownWeights((s) => {
    const i = s.index?.get(id);
    const weights = forStroke ? s.strokes : s.weights;
    return weights && i !== undefined ? pick(weights[i]) : undefined;
  });
  const fromDoc = useDocument((s) => pick(docWeight(s.doc.edges, id)));
  return shown ?? fromDoc;
}
