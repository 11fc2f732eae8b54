import { memo } from 'react';
import { NodeInspector } from './inspector/NodeInspector';
import { EdgeInspector } from './inspector/EdgeInspector';
import { NeuronsInspector } from './inspector/NeuronsInspector';
import './inspector/inspector.css';
import { Panel } from './Panel';
import { useDocument, useSelection } from '../studio/hooks';

// The inspector for the selection: one node, one edge, or several neurons at once.
export const Inspector = memo(function Inspector() {
  const nodeIds = useSelection((s) => s.nodeIds);
  const edgeIds = useSelection((s) => s.edgeIds);
  const neuronIds = useDocument((s) => {
    const ids = new Set(nodeIds);
    return s.doc.nodes.filter((n) => ids.has(n.id) && n.type === 'neuron').length;
  });
  let body;
  if (nodeIds.length === 1 && edgeIds.length === 0) body = <NodeInspector id={nodeIds[0]} />;
  else if (edgeIds.length === 1 && nodeIds.length === 0) body = <EdgeInspector id={edgeIds[0]} />;
  else if (neuronIds > 1) body = <NeuronsInspector ids={nodeIds} />;
  else if (nodeIds.length + edgeIds.length > 1)
    body = <p className="inspector-hint">{nodeIds.length} nodes and {edgeIds.length} edges selected.</p>;
  else body = <p className="inspector-hint">Select a node or an edge to edit it.</p>;
  return (
    <Panel id="inspector" title="Inspector" className="inspector">
      {body}
    </Panel>
  );
});
