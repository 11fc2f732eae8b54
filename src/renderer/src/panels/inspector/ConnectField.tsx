import { useMemo } from 'react';
import { allowedTargets, sameEnds } from '../../../../engine';
import { useDocument, useDocumentWith } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

// Connect without the mouse: pick a target for an edge from this node. Only targets the engine's
// connection rule allows are listed.
export function ConnectField({ id }: { id: string }) {
  const studio = useStudio();
  const nodes = useDocument((s) => s.doc.nodes);
  // which targets are allowed depends on the edges' ends, not their weights: training rewrites
  // every weight many times a second, and must neither re-render this nor re-run the search
  const edges = useDocumentWith((s) => s.doc.edges, sameEnds);
  // one search over the graph (allowedTargets), not a cycle check per candidate: a click on a node
  // of a 2,000-node graph took seconds
  const targets = useMemo(() => {
    const allowed = new Set(allowedTargets({ nodes, edges }, id));
    return nodes.filter((n) => allowed.has(n.id));
  }, [nodes, edges, id]);
  if (targets.length === 0) return null;
  return (
    <label className="field">
      <span>Connect to</span>
      <select
        aria-label="Connect to"
        value=""
        onChange={(e) => {
          const result = studio.document.connect(id, e.target.value);
          if (!result.ok) studio.notices.notify(result.reason, 'warning');
        }}
      >
        <option value="">choose a neuron…</option>
        {targets.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label ?? n.id}
          </option>
        ))}
      </select>
    </label>
  );
}
