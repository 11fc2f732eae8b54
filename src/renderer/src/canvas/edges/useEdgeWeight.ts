import type { GraphEdge } from '../../../../engine/format/types';
import { useDocument, useShownStrokes, useShownWeights } from '../../studio/hooks';

// An edge's weight, read by id: the shown weights while training runs (fresher than the
// document's), else the document's. A stroke reads it through `pick` (a stroke bucket), so the
// edge re-renders only when that changes: 2,000 edges of which a snapshot moves a handful of
// buckets re-render a handful. The exact weight is read only by a label on screen.

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

/** the edge's weight as its stroke shows it (while training, a big graph's at a lower rate) */
export function useStrokeWeight<T extends number>(id: string, pick: (weight: number) => T): T {
  const shown = useShownStrokes((s) => {
    const i = s.index?.get(id);
    return s.strokes && i !== undefined ? pick(s.strokes[i]) : undefined;
  });
  const fromDoc = useDocument((s) => pick(docWeight(s.doc.edges, id)));
  return shown ?? fromDoc;
}

/** the edge's weight itself, fresh with every snapshot: for what shows the number (a label) */
export function useEdgeWeight(id: string): number {
  const shown = useShownWeights((s) => {
    const i = s.index?.get(id);
    return s.weights && i !== undefined ? s.weights[i] : undefined;
  });
  const fromDoc = useDocument((s) => docWeight(s.doc.edges, id));
  return shown ?? fromDoc;
}
