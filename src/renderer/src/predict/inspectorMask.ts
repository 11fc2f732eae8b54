import type { Reveal } from '../store/live';

// While predicting, the formula inspector shows of the selected neuron or edge only what the
// canvas shows: a value the step-through has not reached, or the learner has not predicted yet
// (`hidden`, the predict store's), stays hidden there too, so selecting a neuron cannot give
// the answer away. The explode view (explode/explodeMask.ts) asks the same two questions.

export type InspectorSubject = { kind: 'node' | 'edge'; id: string; target?: string };

/** a node's quantity the masks know: s, z (and σ', read off z), ∂h_o/∂s, ∂E/∂s */
export type MaskedQuantity = 's' | 'z' | 'dsigma' | 'dhds' | 'dEds';

/** the mask in force: what the canvas shows less what is still to be predicted */
export interface ValueMaskState {
  reveal: Reveal;
  hidden: ReadonlySet<string>;
}

/** whether quantity q of node `nodeId` (for ∂h_o/∂s: output o) may be shown */
export function valueShown({ reveal, hidden }: ValueMaskState, nodeId: string, quantity: MaskedQuantity, o = 0): boolean {
  const r = reveal.nodes[nodeId];
  switch (quantity) {
    case 's':
      return r?.s === true && !hidden.has(`s:${nodeId}`);
    case 'z':
    case 'dsigma':
      return r?.z === true && !hidden.has(`z:${nodeId}`);
    case 'dhds':
      return r?.dhds === true && !hidden.has(`dhds:${nodeId}:${o}`);
    case 'dEds':
      return r?.dhds === true && !hidden.has(`dEds:${nodeId}`);
  }
}

/** whether an edge's ∂E/∂w may be shown */
export function gradShown({ reveal, hidden }: ValueMaskState, edgeId: string): boolean {
  return reveal.edges[edgeId]?.grad === true && !hidden.has(`grad:${edgeId}`);
}

/** which of the inspector's blocks (by their `quantity`, in order) may be shown; all of them when not stepping */
export function shownBlocks(reveal: Reveal | null, hidden: ReadonlySet<string>, subject: InspectorSubject, quantities: readonly string[]): boolean[] {
  if (!reveal) return quantities.map(() => true);
  const mask = { reveal, hidden };
  let o = 0;
  return quantities.map((q) => {
    const index = q === 'dhds' ? o++ : 0;
    if (subject.kind === 'edge' && q === 'grad') return gradShown(mask, subject.id);
    if (q === 'E') return true;
    const nodeId = subject.kind === 'edge' ? (subject.target ?? '') : subject.id;
    const quantity: MaskedQuantity = q === 's' || q === 'z' || q === 'dsigma' || q === 'dhds' ? q : 'dEds';
    return valueShown(mask, nodeId, quantity, index);
  });
}
