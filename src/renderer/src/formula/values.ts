import type { Activation, Loss, TrainingOptions } from '../../../engine/format/types';

// The numbers a formula is written from, for one example in hand: what the engine's trace
// computed, laid out by id so the TeX builders can walk the topology (k's inputs, k's successors).

export interface NodeValues {
  id: string;
  label: string;
  type: 'input' | 'bias' | 'neuron';
  activation?: Activation;
  /** index into x (inputs) */
  feature?: number;
  /** index into y when this neuron is an output */
  output?: number;
  z: number;
  s?: number;
  /** σ'(s_k) */
  dsigma?: number;
  /** ∂h_o/∂s_k by output index o */
  dhds?: readonly number[];
  /** ∂E_i/∂s_k */
  dEds?: number;
  /** softmax outputs: ∂s_m/∂s_k by output index m */
  dsds?: readonly number[];
  /** ids of the edges into this node, in document order */
  incoming: readonly string[];
  /** ids of the edges out of this node, in document order */
  outgoing: readonly string[];
}

export interface EdgeValues {
  id: string;
  source: string;
  target: string;
  weight: number;
  /** ∂E_i/∂w_{j→k} */
  grad: number;
  /** the regulariser penalises this weight (not a bias edge, not frozen) */
  regularized?: boolean;
  /** switched off, or an end is: not updated (ablation) */
  frozen?: boolean;
  /** switched off itself: it carries 0 in both passes */
  off?: boolean;
  /** momentum's v before the update (0 when absent) */
  velocity?: number;
}

/** what an update reads besides the gradient: η, the regulariser and momentum's β */
export type UpdateOptions = Pick<TrainingOptions, 'learningRate' | 'regularization' | 'momentum'>;

export interface OutputValues {
  nodeId: string;
  h: number;
  y: number;
}

export interface NetValues {
  exampleIndex: number;
  nodes: Readonly<Record<string, NodeValues>>;
  edges: Readonly<Record<string, EdgeValues>>;
  /** in output-index order */
  outputs: readonly OutputValues[];
  /** E_i */
  error: number;
  /** the loss E_i is (absent: squared, the tutorial's) */
  loss?: Loss;
  /** the outputs are softmax: ∂h_o/∂s goes through the Jacobian h_o (δ_om − h_m) */
  softmax?: boolean;
  /** η, the regulariser and momentum (absent: plain gradient descent) */
  update?: UpdateOptions;
}
