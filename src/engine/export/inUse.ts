// Which of the format's options a plan uses, so an export writes the code and the formulas for
// those options only: a version-1 file's program stays as short as the tutorial.

import { trainingOptions, type Activation, type TrainingOptions } from '../format/types';
import type { ExportPlan } from './plan';

export interface OptionsInUse {
  training: TrainingOptions;
  /** the activations of neurons that are on */
  activations: ReadonlySet<Activation>;
  /** an input computes x², sin x or x_i x_j */
  derivedInputs: boolean;
  /** a node or an edge is switched off */
  ablation: boolean;
  /** an edge is switched off itself (its target's weights are masked) */
  edgesOff: boolean;
  /** some edge is frozen (off, or an end off): it keeps w and v */
  frozen: boolean;
  crossEntropy: boolean;
  /** cross-entropy over one sigmoid output */
  binaryCrossEntropy: boolean;
  regularized: boolean;
  momentum: boolean;
  /** the seeded shuffle picks each epoch's order (sequential and mini-batch modes) */
  shuffled: boolean;
  /** some examples are test examples */
  testSplit: boolean;
}

export function optionsInUse(plan: ExportPlan): OptionsInUse {
  const training = trainingOptions(plan.training);
  const crossEntropy = training.loss === 'crossEntropy';
  const edgesOff = plan.edges.some((e) => e.off);
  return {
    training,
    activations: new Set(plan.neurons.filter((n) => !n.off).map((n) => n.activation)),
    derivedInputs: plan.inputs.some((i) => i.transform !== undefined || i.times !== undefined),
    ablation: edgesOff || plan.neurons.some((n) => n.off) || plan.inputs.some((i) => i.off),
    edgesOff,
    frozen: plan.edges.some((e) => e.frozen),
    crossEntropy,
    binaryCrossEntropy: crossEntropy && !plan.softmax,
    regularized: training.regularization.kind !== 'none',
    momentum: training.momentum > 0,
    shuffled: training.shuffle && training.mode !== 'batch',
    testSplit: plan.examples.some((ex) => ex.test === true),
  };
}
