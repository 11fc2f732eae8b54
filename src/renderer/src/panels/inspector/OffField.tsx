import type { GraphEdge, GraphNode } from '../../../../engine';
import { canSwitchOff, offNodeIds } from '../../canvas/ablation';
import { useDocument } from '../../studio/hooks';
import { useStudio } from '../../studio/StudioContext';

// Ablation in the inspector: switch this node or edge off (z = 0 / contributes 0, not trained)
// without deleting it; the O key does the same on the canvas. One undo step each way.

export function OffField({ node }: { node: GraphNode }) {
  const studio = useStudio();
  const allowed = canSwitchOff(node);
  return (
    <label className="field field-check" title={allowed ? 'Switched off: z = 0 and its edges are not trained (key O)' : 'An output neuron cannot be switched off'}>
      <input
        type="checkbox"
        aria-label="Switched off"
        checked={node.off === true}
        disabled={!allowed}
        onChange={(e) => studio.document.setOff([node.id], [], e.target.checked)}
      />
      <span>Switched off (z = 0, not trained){allowed ? '' : ' — not for an output'}</span>
    </label>
  );
}

export function EdgeOffField({ edge }: { edge: GraphEdge }) {
  const studio = useStudio();
  const endOff = useDocument((s) => {
    const off = offNodeIds(s.doc.nodes);
    return off.has(edge.source) || off.has(edge.target);
  });
  return (
    <>
      <label className="field field-check" title="Switched off: contributes 0 to s and is not trained (key O)">
        <input type="checkbox" aria-label="Switched off" checked={edge.off === true} onChange={(e) => studio.document.setOff([], [edge.id], e.target.checked)} />
        <span>Switched off (contributes 0, not trained)</span>
      </label>
      {endOff && edge.off !== true && <p className="inspector-hint">A node at its end is off: this edge is frozen (not trained).</p>}
    </>
  );
}
