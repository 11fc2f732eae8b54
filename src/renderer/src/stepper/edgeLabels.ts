import type { Reveal } from '../store/live';

// In the steps that reveal every edge at once (Gradients, Batch sum, Update), 21 labels on a
// 2-5-1 net cover the neurons. Only one neuron's incoming edges carry theirs unasked: the
// neuron selected on the canvas, else the first output; every other edge shows its label on
// hover or selection.

/** the neuron whose incoming edges are labelled: the selected neuron, else the first output */
export function labelledNeuron(selectedNodeIds: readonly string[], neurons: readonly string[], firstOutput: string | null): string | null {
  return selectedNodeIds.find((id) => neurons.includes(id)) ?? firstOutput;
}

/** whether the step-through labels edge `edgeId` (into `target`) without hover or selection */
export function stepLabelsEdge(reveal: Reveal | null, edgeId: string, target: string): boolean {
  if (!reveal?.edges[edgeId]) return false;
  return reveal.labelsFor === target;
}
