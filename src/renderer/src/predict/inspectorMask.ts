import type { Reveal } from '../store/live';

// While predicting, the formula inspector shows of the selected neuron or edge only what the
// canvas shows: a value the step-through has not reached, or the learner has not predicted yet
// (`hidden`, the predict store's), stays hidden there too, so selecting a neuron cannot give
// the answer away.

export type InspectorSubject = { kind: 'node' | 'edge'; id: string; target?: string };

function neuronShown(reveal: Reveal, hidden: ReadonlySet<string>, nodeId: string, quantity: string, o: number): boolean {
  const r = reveal.nodes[nodeId];
  switch (quantity) {
    case 's':
      return r?.s === true && !hidden.has(`s:${nodeId}`);
    case 'z':
    case 'dsigma':
      return r?.z === true && !hidden.has(`z:${nodeId}`);
    case 'dhds':
      return r?.dhds === true && !hidden.has(`dhds:${nodeId}:${o}`);
    default: // dEds
      return r?.dhds === true && !hidden.has(`dEds:${nodeId}`);
  }
}

/** which of the inspector's blocks (by their `quantity`, in order) may be shown; all of them when not stepping */
export function shownBlocks(reveal: Reveal | null, hidden: ReadonlySet<string>, subject: InspectorSubject, quantities: readonly string[]): boolean[] {
  if (!reveal) return quantities.map(() => true);
  let o = 0;
  return quantities.map((q) => {
    const index = q === 'dhds' ? o++ : 0;
    if (subject.kind === 'edge' && q === 'grad') return reveal.edges[subject.id]?.grad === true && !hidden.has(`grad:${subject.id}`);
    if (q === 'E') return true;
    const nodeId = subject.kind === 'edge' ? (subject.target ?? '') : subject.id;
    return neuronShown(reveal, hidden, nodeId, q, index);
  });
}
