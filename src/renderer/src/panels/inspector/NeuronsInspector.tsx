import { memo, useMemo } from 'react';
import type { Activation, NeuronNode } from '../../../../engine';
import { ActivationField } from './NodeInspector';
import { useDocument } from '../../studio/hooks';

// Several neurons at once: one activation for all of them.
export const NeuronsInspector = memo(function NeuronsInspector({ ids }: { ids: readonly string[] }) {
  const nodes = useDocument((s) => s.doc.nodes);
  const neurons = useMemo(() => {
    const wanted = new Set(ids);
    return nodes.filter((n): n is NeuronNode => wanted.has(n.id) && n.type === 'neuron');
  }, [nodes, ids]);
  const acts = new Set(neurons.map((n) => n.activation));
  const value: Activation | '' = acts.size === 1 ? [...acts][0] : '';
  return (
    <div className="inspector-body">
      <div className="inspector-title">{neurons.length} neurons</div>
      <ActivationField ids={neurons.map((n) => n.id)} value={value} />
    </div>
  );
});
