import { useDocument, useShownStrokes, useShownWeights } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

// An edge's weight, read by id: the shown weights while training runs (fresher than the
// document's), else the document's. A stroke reads it through `pick` (a stroke bucket), so the
// edge re-renders only when that changes: 2,000 edges of which a snapshot moves a handful of
// buckets re-render a handful. The exact weight is read only by a label on screen. The
// document's weight is found through the studio's edge index (edgeIndex.ts).

/** the edge's weight as its stroke shows it (while training, a big graph's at a lower rate) */
export function useStrokeWeight<T extends number>(id: string, pick: (weight: number) => T): T {
  const shown = useShownStrokes((s) => {
    const i = s.index?.get(id);
    return s.strokes && i !== undefined ? pick(s.strokes[i]) : undefined;
  });
  const { edgeIndex } = useStudio();
  const fromDoc = useDocument((s) => pick(edgeIndex.weightOf(s.doc.edges, id)));
  return shown ?? fromDoc;
}

/** the edge's weight itself, fresh with every snapshot: for what shows the number (a label) */
export function useEdgeWeight(id: string): number {
  const shown = useShownWeights((s) => {
    const i = s.index?.get(id);
    return s.weights && i !== undefined ? s.weights[i] : undefined;
  });
  const { edgeIndex } = useStudio();
  const fromDoc = useDocument((s) => edgeIndex.weightOf(s.doc.edges, id));
  return shown ?? fromDoc;
}
