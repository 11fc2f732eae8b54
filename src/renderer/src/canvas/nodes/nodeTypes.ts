import type { NodeTypes } from '@xyflow/react';
import { NeuronNodeView } from './NeuronNode';
import { SourceNodeView } from './SourceNode';

// Module scope, so React Flow never sees a new object and never remounts the nodes.
export const nodeTypes: NodeTypes = {
  neuron: NeuronNodeView,
  input: SourceNodeView,
  bias: SourceNodeView,
};
