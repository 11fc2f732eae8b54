import { gradShown, valueShown, type ValueMaskState } from '../predict/inspectorMask';
import type { ExplodedNeuron } from './explodeModel';

// While a view hides values (predicting, the worksheet), the exploded neuron shows only what the
// canvas and the formula inspector show, by their rule (predict/inspectorMask.ts): a box's value
// or grad the learner has still to find is drawn as "?".
//   z_j: z of the source j;  w: always (a given);  z_j·w: with s_k (a term of its formula);
//   s_k, z_k (and σ'): their own;
//   every grad through k (∂E/∂z_j·w = ∂E/∂s_k, ∂E/∂z_j = ∂E/∂s_k · w, ∂E/∂z_k): with ∂E/∂s_k;
//   ∂E/∂w_{j→k}: with the edge's ∂E/∂w.

export interface BoxShown {
  value: boolean;
  grad: boolean;
}

export interface ExplodeShown {
  /** per incoming edge id */
  terms: Readonly<Record<string, { input: BoxShown; weight: BoxShown; product: BoxShown }>>;
  sum: BoxShown;
  out: BoxShown;
  dsigma: boolean;
}

const ALL: BoxShown = { value: true, grad: true };

/** what of the neuron may be shown under the mask; everything when there is none */
export function explodeShown(neuron: ExplodedNeuron, mask: ValueMaskState | null): ExplodeShown {
  const k = neuron.id;
  const shown = (nodeId: string, q: 's' | 'z' | 'dsigma' | 'dEds') => mask === null || valueShown(mask, nodeId, q);
  const delta = shown(k, 'dEds');
  const sum = shown(k, 's');
  const terms: Record<string, { input: BoxShown; weight: BoxShown; product: BoxShown }> = {};
  for (const t of neuron.terms) {
    const input = shown(t.source, 'z');
    terms[t.edgeId] = {
      input: { value: input, grad: delta },
      weight: { value: true, grad: mask === null || gradShown(mask, t.edgeId) },
      product: { value: input && sum, grad: delta },
    };
  }
  return mask === null
    ? { terms, sum: ALL, out: ALL, dsigma: true }
    : { terms, sum: { value: sum, grad: delta }, out: { value: shown(k, 'z'), grad: delta }, dsigma: shown(k, 'dsigma') };
}
