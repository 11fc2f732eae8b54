import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../flowTypes';
import type { InputNode } from '../../../../engine/format/types';
import { Annotation } from './Annotation';
import { useIsCurrent, useNodeLive, useRevealed } from './useNodeLive';
import { NodeThumbnail } from './thumbnailSlot';
import { OffBadge } from './OffBadge';
import { expressionFormula, expressionMeaning, isDerived } from '../derivedInputs';
import { useDocument } from '../../studio/hooks';

// An input (z = x[feature], or a derived feature: x₁², sin x₁, x₁x₂) or the bias node (z = 1):
// a name and its z for the example in hand. A derived input shows its formula and its own map
// over the plane, as TF Playground draws its feature inputs.
export const SourceNodeView = memo(function SourceNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const node = data.node;
  const featureNames = useDocument((s) => (node.type === 'input' ? s.doc.dataset.features : undefined));
  const live = useNodeLive(id);
  const revealed = useRevealed(id);
  const current = useIsCurrent(id);
  const kind = node.type === 'bias' ? 'bias' : 'input';
  const derived = node.type === 'input' && isDerived(node);
  const off = node.off === true;
  const className = ['bp-node', `bp-${kind}`, derived && 'bp-derived', off && 'bp-off', selected && 'selected', current && 'bp-current'].filter(Boolean).join(' ');
  const z = live?.z ?? (node.type === 'bias' ? 1 : undefined);
  const detail = node.type === 'input' ? inputDetail(node, featureNames) : 'bias';
  return (
    <div
      className={className}
      data-node-id={id}
      data-off={off ? 'true' : undefined}
      aria-label={`${kind === 'bias' ? 'Bias' : 'Input'} ${node.label ?? id}${off ? ' (switched off)' : ''}`}
    >
      <div className="bp-node-head">
        <span className="bp-node-name">{node.label ?? id}</span>
        <span className="bp-node-act" title={node.type === 'input' ? expressionMeaning(node, featureNames) : undefined}>
          {detail}
        </span>
        {off && <OffBadge />}
      </div>
      <div className="bp-node-body">
        <div className="bp-anns">
          <Annotation quantity="z" value={z} hidden={!revealed.z} off={off} />
        </div>
        {derived && NodeThumbnail && (
          <div className="bp-thumb">
            <NodeThumbnail nodeId={id} />
          </div>
        )}
      </div>
      <Handle type="source" position={Position.Right} className="bp-handle" aria-label={`Output of ${id}`} />
    </div>
  );
});

/** beside an input's name: its feature's name, or for a derived input its formula — or, when the name is the formula already, the features it reads */
function inputDetail(node: InputNode, names: readonly string[] | undefined): string {
  const named = (i: number) => names?.[i] ?? `x${i}`;
  if (!isDerived(node)) return named(node.feature);
  const formula = expressionFormula(node);
  if ((node.label ?? node.id) !== formula) return formula;
  return node.times !== undefined && node.times !== node.feature ? `${named(node.feature)}, ${named(node.times)}` : named(node.feature);
}
