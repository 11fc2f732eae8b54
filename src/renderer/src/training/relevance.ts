import type { GraphDoc, GraphNode } from '../../../engine/format/types';

// Does an edit change what training computes? Moving or renaming a node does not; weights,
// topology, activations, data and settings (other than the epoch count) do.

function sameMathNode(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.type !== b.type) return false;
  if (a.type === 'input' && b.type === 'input') return a.feature === b.feature;
  if (a.type === 'neuron' && b.type === 'neuron') return a.activation === b.activation && a.output === b.output;
  return true;
}

/** do two node lists compute the same (ignoring positions, labels and the like)? */
export function sameMathNodes(a: readonly GraphNode[], b: readonly GraphNode[]): boolean {
  return a === b || (a.length === b.length && a.every((n, i) => sameMathNode(n, b[i])));
}

export function changesTraining(prev: GraphDoc | null, next: GraphDoc): boolean {
  if (prev === null) return true;
  if (prev === next) return false;
  if (prev.edges !== next.edges || prev.dataset.examples !== next.dataset.examples) return true;
  const a = prev.training;
  const b = next.training;
  if (a.learningRate !== b.learningRate || a.mode !== b.mode || a.shuffle !== b.shuffle || a.seed !== b.seed) return true;
  if (a.epoch !== b.epoch) return true;
  return !sameMathNodes(prev.nodes, next.nodes);
}
