import { DEFAULT_TRAINING, type GraphDoc, type Loss } from '../../../engine/format/types';
import { lossProblem } from './lossChoice';

// The words under the loss choice: guidance, not an error. What each loss is for, in a line,
// and — when the document rules one out — why, and what would make it available.

const WHAT: Record<Loss, string> = {
  squared: 'Squared error Σ(h − y)², the tutorial’s, fits any output.',
  crossEntropy: 'Cross-entropy is for classes (one sigmoid output, or softmax outputs); its ∂E/∂s at an output is h − y.',
};

const NAME: Record<Loss, string> = { squared: 'Squared error', crossEntropy: 'Cross-entropy' };

function outputs(doc: Pick<GraphDoc, 'nodes'>) {
  return doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined);
}

/** why `loss` is not offered, said as what the document is and what would change it */
function whyNot(doc: Pick<GraphDoc, 'nodes' | 'dataset'>, loss: Loss, problem: string): string {
  const outs = outputs(doc);
  if (loss === 'squared' && outs.some((n) => n.type === 'neuron' && n.activation === 'softmax')) {
    return `${NAME.squared} is not offered: softmax outputs are trained with cross-entropy only.`;
  }
  if (loss === 'crossEntropy' && doc.dataset.problem === 'regression') {
    return `${NAME.crossEntropy} is not offered: this dataset is a regression.`;
  }
  if (loss === 'crossEntropy' && outs.length === 1 && outs[0].type === 'neuron' && outs[0].activation !== 'sigmoid') {
    return `${NAME.crossEntropy} is not offered while output '${outs[0].id}' is ${outs[0].activation}; make it sigmoid to use it.`;
  }
  if (loss === 'crossEntropy' && outs.length > 1 && outs.some((n) => n.type === 'neuron' && n.activation !== 'softmax')) {
    return `${NAME.crossEntropy} is not offered while the ${outs.length} outputs are not all softmax.`;
  }
  return `${NAME[loss]} is not offered here (${problem}).`;
}

/** the hint for the loss choice: what the current loss does, and why the other one is unavailable (if it is) */
export function lossHint(doc: Pick<GraphDoc, 'nodes' | 'dataset'>, current: Loss): { text: string; unavailable: Loss | null } {
  const other: Loss = current === 'squared' ? 'crossEntropy' : 'squared';
  const problem = lossProblem({ nodes: doc.nodes, edges: [], dataset: doc.dataset, training: DEFAULT_TRAINING }, other);
  if (problem === null) return { text: `${WHAT[current]} ${WHAT[other]}`, unavailable: null };
  return { text: `${WHAT[current]} ${whyNot(doc, other, problem)}`, unavailable: other };
}
