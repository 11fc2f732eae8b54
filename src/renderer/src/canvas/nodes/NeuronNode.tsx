import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { NeuronNode as Neuron } from '../../../../engine/format/types';
import type { FlowNode } from '../flowTypes';
import { Annotation } from './Annotation';
import { useIsCurrent, useNodeLive, useRevealed } from './useNodeLive';
import { NodeThumbnail } from './thumbnailSlot';
import { OffBadge } from './OffBadge';
import { useLive } from '../../studio/hooks';
import { useReadable } from './useReadable';

const ACTIVATION_SYMBOL: Record<Neuron['activation'], string> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  linear: 'lin',
  relu: 'relu',
  leakyRelu: 'lrelu',
  elu: 'elu',
  softplus: 'sp',
  hardSigmoid: 'hσ',
  softmax: 'smax',
};

// A perceptron: its name, activation, output index, and for the example in hand s_k, z_k and
// ∂h/∂s_k (for the chosen output). Subscribes only to its own live record. Zoomed out past where
// its numbers can be read it is drawn plain, the same size: no numbers, no thumbnail, and no
// subscription to the live values (pacing/levelOfDetail.ts).
export const NeuronNodeView = memo(function NeuronNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const node = data.node as Neuron;
  const current = useIsCurrent(id);
  const readable = useReadable();
  const isOutput = node.output !== undefined;
  const off = node.off === true;
  const className = ['bp-node', 'bp-neuron', isOutput && 'bp-output', off && 'bp-off', selected && 'selected', current && 'bp-current']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-node-id={id} data-off={off ? 'true' : undefined} aria-label={`Neuron ${node.label ?? id}${off ? ' (switched off)' : ''}`}>
      <Handle type="target" position={Position.Left} className="bp-handle" aria-label={`Input of ${id}`} />
      <div className="bp-node-head">
        <span className="bp-node-name">{node.label ?? id}</span>
        <span className="bp-node-act" title={node.activation}>
          {ACTIVATION_SYMBOL[node.activation]}
        </span>
        {isOutput && <span className="bp-node-out" title={`output ${node.output}: h_${node.output}`}>h{node.output}</span>}
        {off && <OffBadge />}
      </div>
      {readable ? <NeuronBody id={id} off={off} /> : <div className="bp-node-body bp-node-plain" />}
      <Handle type="source" position={Position.Right} className="bp-handle" aria-label={`Output of ${id}`} />
    </div>
  );
});

/** a neuron's numbers for the example in hand and its thumbnail */
const NeuronBody = memo(function NeuronBody({ id, off }: { id: string; off: boolean }) {
  const live = useNodeLive(id);
  const outputIndex = useLive((s) => s.outputIndex);
  const revealed = useRevealed(id);
  return (
    <div className="bp-node-body">
      <div className="bp-anns">
        <Annotation quantity="s" value={live?.s} hidden={!revealed.s} off={off} />
        <Annotation quantity="z" value={live?.z} hidden={!revealed.z} off={off} />
        <Annotation
          quantity="dhds"
          value={live?.dhds?.[outputIndex]}
          hidden={!revealed.dhds}
          off={off}
          suffix={live?.dhds && live.dhds.length > 1 ? `₍${outputIndex}₎` : undefined}
        />
      </div>
      {NodeThumbnail && (
        <div className="bp-thumb">
          <NodeThumbnail nodeId={id} />
        </div>
      )}
    </div>
  );
});
