import type { Quantity } from '../../../engine/predict';
import type { Reveal } from '../store/live';

// While predicting, what the canvas has revealed at a step minus what the learner has not
// predicted (or revealed) yet: the step's unanswered s_k, z_k, ∂h/∂s_k and new weights stay hidden.

type NodeReveal = { s?: boolean; z?: boolean; dhds?: boolean };
type EdgeReveal = Reveal['edges'][string];

const NODE_FIELD: Partial<Record<Quantity['kind'], keyof NodeReveal>> = { s: 's', z: 'z', dhds: 'dhds' };

/** `reveal` with the quantities in `hidden` taken back */
export function hideUnrevealed(reveal: Reveal, hidden: readonly Quantity[]): Reveal {
  if (hidden.length === 0) return reveal;
  const nodes: Record<string, NodeReveal> = { ...reveal.nodes };
  const edges: Record<string, EdgeReveal> = { ...reveal.edges };
  for (const q of hidden) {
    if (q.kind === 'update') {
      const { update: _taken, ...rest } = edges[q.edgeId] ?? {};
      edges[q.edgeId] = rest;
    } else if (q.kind === 'grad') {
      edges[q.edgeId] = { ...edges[q.edgeId], grad: false };
    } else {
      const field = NODE_FIELD[q.kind];
      if (field && 'nodeId' in q) nodes[q.nodeId] = { ...nodes[q.nodeId], [field]: false };
    }
  }
  return { ...reveal, nodes, edges };
}
