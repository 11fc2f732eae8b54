import type { GraphDoc, GraphNode } from '../../../engine/types';

// Does an edit change what training computes? Moving or renaming a node does not; weights,
// topology, activations, data and settings (other than the epoch count) do.

function sameMathNode(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.type !== b.type) return false;
  if (a.type === 'input' && b.type === 'input') return a.feature === b.feature;
  if (a.type === 'neuron' && b.type === 'neuron') return a.activation === b.activation && a.output === b.output;
  return true;
}

export function changesTraining(prev: GraphDoc | null, next: GraphDoc): boolean {
  if (prev === null) return true;
  if (prev === next) return false;
  if (prev.edges !== next.edges || prev.dataset.examples !== next.dataset.examples) return true;
  const a = prev.training;
  const b = next.training;
  if (a.learningRate !== b.learningRate || a.mode !== b.mode || a.shuffle !== b.shuffle || a.seed !== b.seed) return true;
  if (a.epoch !== b.epoch) return true;
  if (prev.nodes === next.nodes) return false;
  return prev.nodes.length !== next.nodes.length || prev.nodes.some((n, i) => !sameMathNode(n, next.nodes[i]));
}
