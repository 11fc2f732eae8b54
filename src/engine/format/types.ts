// The document model, described once: each zod schema with the type derived from it
// (docs/graph-format.md). A reader parses a file with these schemas (file.ts); the rest of the
// app uses the types. Every object may carry `extra`: the unknown keys read from the file,
// written back on save. Unknown keys are moved into `extra` before parsing (extras.ts), so
// "strict" means: nothing slips through unchecked.

import { z } from 'zod';
import './zodConfig';
import { textProblem } from './text';
import { lessonSchema } from './lesson';

export { textProblem } from './text';


export const FORMAT_ID = 'backprop-studio.graph';

const extraSchema = z.record(z.string(), z.unknown());
const extra = extraSchema.optional();
const finite = z.number();
const index = z.number().int().min(0);
/** a name, id or label the app shows and exports (SVG): no control characters, no lone surrogates */
const text = z.string().superRefine((value, ctx) => {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const id = text.refine((value) => value.length > 0, 'an id must be a non-empty string');

export const activationSchema = z.enum([
  'sigmoid',
  'tanh',
  'linear',
  'relu',
  'leakyRelu',
  'elu',
  'softplus',
  'hardSigmoid',
  /** only on output neurons, only with the crossEntropy loss and two or more outputs */
  'softmax',
]);
export const ACTIVATIONS = activationSchema.options;

/** what an input computes from its feature x_i: itself (absent), x_i² or sin x_i */
export const transformSchema = z.enum(['square', 'sin']);
export const TRANSFORMS = transformSchema.options;

/** canvas coordinates */
export const positionSchema = z.strictObject({ x: finite, y: finite, extra });

const nodeCommon = {
  id,
  /** display name; absent means "show the id" */
  label: text.optional(),
  /** canvas coordinates; absent means "lay the graph out" */
  position: positionSchema.optional(),
  /** switched off (ablation): z = 0 and the edges at it are not updated; not allowed on an output neuron */
  off: z.boolean().optional(),
  extra,
};

export const inputNodeSchema = z.strictObject({
  ...nodeCommon,
  type: z.literal('input'),
  /** index i into an example's `x` */
  feature: index,
  /** z = x_i² ("square") or sin x_i ("sin") instead of x_i; not together with `times` */
  transform: transformSchema.optional(),
  /** index j: z = x_i · x_j */
  times: index.optional(),
});

/** the constant node `in_1`: z = 1 */
export const biasNodeSchema = z.strictObject({ ...nodeCommon, type: z.literal('bias') });

export const neuronNodeSchema = z.strictObject({
  ...nodeCommon,
  type: z.literal('neuron'),
  activation: activationSchema,
  /** present only on output neurons: index into an example's `y` */
  output: index.optional(),
});

export const nodeSchema = z.discriminatedUnion('type', [inputNodeSchema, biasNodeSchema, neuronNodeSchema]);

export const edgeSchema = z.strictObject({
  id,
  source: text,
  target: text,
  /** w_{source→target} */
  weight: finite,
  /** momentum's v for this weight (absent = 0) */
  velocity: finite.optional(),
  /** switched off (ablation): contributes 0 and is not updated */
  off: z.boolean().optional(),
  extra,
});

export const exampleSchema = z.strictObject({
  x: z.array(finite),
  y: z.array(finite),
  /** a test example: measured, never trained on */
  test: z.boolean().optional(),
  extra,
});

const interval = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'the minimum must be less than the maximum');
/** the square the point editor shows */
export const domainSchema = z.strictObject({ x: interval, y: interval, extra });

export const problemSchema = z.enum(['classification', 'regression']);

export const datasetSchema = z.strictObject({
  /** absent = "classification" (read it with problemOf) */
  problem: problemSchema.optional(),
  /** k ≥ 2 class labels: one-hot targets over k outputs, or (k = 2) low/high on one output */
  classes: z.array(text).min(2, 'a classification needs at least 2 classes').optional(),
  features: z.array(text).optional(),
  targets: z.array(text).optional(),
  examples: z.array(exampleSchema),
  domain: domainSchema.optional(),
  extra,
});

export const trainingModeSchema = z.enum(['sequential', 'minibatch', 'batch']);
export const lossSchema = z.enum(['squared', 'crossEntropy']);
export const regularizationKindSchema = z.enum(['none', 'L1', 'L2']);

export const regularizationSchema = z.strictObject({
  kind: regularizationKindSchema.default('none'),
  /** λ */
  rate: finite.min(0, 'the regularization rate λ must be at least 0').default(0),
  extra,
});

/**
 * Version 1's settings have their defaults here (docs/graph-format.md, "Training"); version 2's
 * are optional in the document (so code written for version 1 still builds a valid one) and
 * read through trainingOptions, which fills in TRAINING_DEFAULTS.
 */
export const trainingSchema = z.strictObject({
  /** η */
  learningRate: finite.positive('the learning rate η must be greater than 0').default(0.5),
  mode: trainingModeSchema.default('sequential'),
  /** examples per update in "minibatch" mode (absent: TRAINING_DEFAULTS.batchSize) */
  batchSize: z.number().int().min(1, 'the batch size must be at least 1').optional(),
  shuffle: z.boolean().default(false),
  seed: z.number().int().default(1),
  /** completed epochs */
  epoch: index.default(0),
  /** absent: "squared" */
  loss: lossSchema.optional(),
  /** absent: none */
  regularization: regularizationSchema.optional(),
  /** β of the heavy-ball momentum; absent or 0 = off */
  momentum: finite.min(0, 'momentum β must be at least 0').lt(1, 'momentum β must be less than 1').optional(),
  extra,
});

/** the document: what a graph file holds inside its envelope (`format`, `version`), after defaults */
export const graphDocSchema = z.strictObject({
  name: text.optional(),
  nodes: z.array(nodeSchema).min(1, 'a graph needs at least one node'),
  edges: z.array(edgeSchema),
  dataset: datasetSchema,
  /** absent in a file means every default */
  training: trainingSchema.prefault({}),
  /** a lesson the app runs on this document (version 3; lesson.ts) */
  lesson: lessonSchema.optional(),
  /** unknown top-level keys */
  extra,
});

export type Extra = z.output<typeof extraSchema>;
export type Activation = z.output<typeof activationSchema>;
export type Transform = z.output<typeof transformSchema>;
export type Problem = z.output<typeof problemSchema>;
export type Loss = z.output<typeof lossSchema>;
export type RegularizationKind = z.output<typeof regularizationKindSchema>;
export type Regularization = z.output<typeof regularizationSchema>;
export type Position = z.output<typeof positionSchema>;
export type InputNode = z.output<typeof inputNodeSchema>;
export type BiasNode = z.output<typeof biasNodeSchema>;
export type NeuronNode = z.output<typeof neuronNodeSchema>;
export type GraphNode = z.output<typeof nodeSchema>;
export type NodeType = GraphNode['type'];
export type GraphEdge = z.output<typeof edgeSchema>;
export type Example = z.output<typeof exampleSchema>;
export type Domain = z.output<typeof domainSchema>;
export type Dataset = z.output<typeof datasetSchema>;
export type TrainingMode = z.output<typeof trainingModeSchema>;
export type TrainingSettings = z.output<typeof trainingSchema>;
export type GraphDoc = z.output<typeof graphDocSchema>;

/** a dataset's problem: "classification" unless it says "regression" */
export function problemOf(dataset: Pick<Dataset, 'problem'>): Problem {
  return dataset.problem ?? 'classification';
}

/** the settings of a file that names none: the schema's defaults */
export const DEFAULT_TRAINING: Readonly<TrainingSettings> = Object.freeze(trainingSchema.parse({}));

/** every training setting, none left out */
export type TrainingOptions = Required<Omit<TrainingSettings, 'extra'>> & { regularization: Required<Omit<Regularization, 'extra'>> };

/** version 2's defaults: batch size 10, squared error, no regularisation, no momentum */
export const TRAINING_DEFAULTS: Readonly<TrainingOptions> = Object.freeze({
  ...DEFAULT_TRAINING,
  batchSize: 10,
  loss: 'squared',
  regularization: Object.freeze({ kind: 'none', rate: 0 }),
  momentum: 0,
});

/** the settings with every absent one at its default */
export function trainingOptions(t: Partial<TrainingSettings>): TrainingOptions {
  const d = TRAINING_DEFAULTS;
  const r = t.regularization;
  return {
    learningRate: t.learningRate ?? d.learningRate,
    mode: t.mode ?? d.mode,
    batchSize: t.batchSize ?? d.batchSize,
    shuffle: t.shuffle ?? d.shuffle,
    seed: t.seed ?? d.seed,
    epoch: t.epoch ?? d.epoch,
    loss: t.loss ?? d.loss,
    regularization: { kind: r?.kind ?? 'none', rate: r?.rate ?? 0 },
    momentum: t.momentum ?? d.momentum,
  };
}
