import { memo, useCallback, useMemo } from 'react';
import { sameEnds, type GraphEdge } from '../../../../engine';
import { useDocument, useDocumentWith } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

// A node's edges, in and out, as buttons that select the edge: every weight is reached with the
// keyboard on any graph (a big graph's edges are painted on a canvas, not Tab stops), and a
// learner reads what feeds a neuron and what it feeds. Only the ends are read: training's weight
// writes neither re-render nor re-key this list.

function EdgeButtons({ title, preposition, edges, end, labelOf }: { title: string; preposition: string; edges: readonly GraphEdge[]; end: 'source' | 'target'; labelOf: (id: string) => string }) {
  const studio = useStudio();
  const select = useCallback((id: string) => studio.selection.select([], [id]), [studio]);
  if (edges.length === 0) return null;
  return (
    <div className="node-edges-group" role="group" aria-label={`${title}, ${preposition} (${edges.length})`}>
      <span className="node-edges-title">{title}</span>
      <div className="node-edges-list">
        {edges.map((e) => (
          <button key={e.id} type="button" onClick={() => select(e.id)} aria-label={`Select edge ${labelOf(e.source)} → ${labelOf(e.target)}`} title={`Select the edge ${labelOf(e.source)} → ${labelOf(e.target)}`}>
            {labelOf(e[end])}
          </button>
        ))}
      </div>
    </div>
  );
}

export const NodeEdges = memo(function NodeEdges({ id }: { id: string }) {
  const incoming = useDocumentWith((s) => s.doc.edges.filter((e) => e.target === id), sameEnds);
  const outgoing = useDocumentWith((s) => s.doc.edges.filter((e) => e.source === id), sameEnds);
  const nodes = useDocument((s) => s.doc.nodes);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label ?? n.id])), [nodes]);
  const labelOf = useCallback((nodeId: string) => labels.get(nodeId) ?? nodeId, [labels]);
  if (incoming.length === 0 && outgoing.length === 0) return null;
  return (
    <div className="node-edges">
      <EdgeButtons title="Edges in" preposition="from" edges={incoming} end="source" labelOf={labelOf} />
      <EdgeButtons title="Edges out" preposition="to" edges={outgoing} end="target" labelOf={labelOf} />
    </div>
  );
});
