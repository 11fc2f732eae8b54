import { useMemo } from 'react';
import { connectionProblem } from '../../../../engine';
import { connect, useDocument } from '../../store/document';
import { notify } from '../../store/notices';

// Connect without the mouse: pick a target for an edge from this node. Only targets the engine's
// connection rule allows are listed.
export function ConnectField({ id }: { id: string }) {
  const nodes = useDocument((s) => s.doc.nodes);
  const edges = useDocument((s) => s.doc.edges);
  const targets = useMemo(
    () => nodes.filter((n) => n.type === 'neuron' && connectionProblem({ nodes, edges }, id, n.id) === null),
    [nodes, edges, id],
  );
  if (targets.length === 0) return null;
  return (
    <label className="field">
      <span>Connect to</span>
      <select
        aria-label="Connect to"
        value=""
        onChange={(e) => {
          const result = connect(id, e.target.value);
          if (!result.ok) notify(result.reason, 'warning');
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
