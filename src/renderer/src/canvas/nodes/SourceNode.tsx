import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../flowTypes';
import { Annotation } from './Annotation';
import { useIsCurrent, useNodeLive, useRevealed } from './useNodeLive';
import { useDocument } from '../../studio/hooks';

// An input (z = x[feature]) or the bias node (z = 1): a name and its z for the example in hand.
export const SourceNodeView = memo(function SourceNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const node = data.node;
  const featureName = useDocument((s) =>
    node.type === 'input' ? (s.doc.dataset.features?.[node.feature] ?? `x${node.feature}`) : null,
  );
  const live = useNodeLive(id);
  const revealed = useRevealed(id);
  const current = useIsCurrent(id);
  const kind = node.type === 'bias' ? 'bias' : 'input';
  const className = ['bp-node', `bp-${kind}`, selected && 'selected', current && 'bp-current'].filter(Boolean).join(' ');
  const z = live?.z ?? (node.type === 'bias' ? 1 : undefined);
  return (
    <div className={className} data-node-id={id} aria-label={`${kind === 'bias' ? 'Bias' : 'Input'} ${node.label ?? id}`}>
      <div className="bp-node-head">
        <span className="bp-node-name">{node.label ?? id}</span>
        <span className="bp-node-act">{kind === 'bias' ? 'bias' : featureName}</span>
      </div>
      <div className="bp-anns">
        <Annotation quantity="z" value={z} hidden={!revealed.z} />
      </div>
      <Handle type="source" position={Position.Right} className="bp-handle" aria-label={`Output of ${id}`} />
    </div>
  );
});
