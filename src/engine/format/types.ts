// The document model, described once: each zod schema with the type derived from it
// (docs/graph-format.md). A reader parses a file with these schemas (file.ts); the rest of the
// app uses the types. Every object may carry `extra`: the unknown keys read from the file,
// written back on save. Unknown keys are moved into `extra` before parsing (extras.ts), so
// "strict" means: nothing slips through unchecked.

import { z } from 'zod';

// zod would probe `new Function` to decide whether to compile parsers; the app's CSP forbids eval
// (a probe is still reported as a violation), and interpreted parsing is fast enough for files.
z.config({ jitless: true });

export const FORMAT_ID = 'backprop-studio.graph';

const extraSchema = z.record(z.string(), z.unknown());
const extra = extraSchema.optional();
const finite = z.number();
const index = z.number().int().min(0);
const id = z.string().min(1, 'an id must be a non-empty string');

export const activationSchema = z.enum(['sigmoid', 'tanh', 'linear', 'relu']);
export const ACTIVATIONS = activationSchema.options;

/** canvas coordinates */
export const positionSchema = z.strictObject({ x: finite, y: finite, extra });

const nodeCommon = {
  id,
  /** display name; absent means "show the id" */
  label: z.string().optional(),
  /** canvas coordinates; absent means "lay the graph out" */
  position: positionSchema.optional(),
  extra,
};

export const inputNodeSchema = z.strictObject({
  ...nodeCommon,
  type: z.literal('input'),
  /** index into an example's `x` */
  feature: index,
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
  source: z.string(),
  target: z.string(),
  /** w_{source→target} */
  weight: finite,
  extra,
});

export const exampleSchema = z.strictObject({ x: z.array(finite), y: z.array(finite), extra });

const interval = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'the minimum must be less than the maximum');
/** the square the point editor shows */
export const domainSchema = z.strictObject({ x: interval, y: interval, extra });

export const datasetSchema = z.strictObject({
  features: z.array(z.string()).optional(),
  targets: z.array(z.string()).optional(),
  examples: z.array(exampleSchema),
  domain: domainSchema.optional(),
  extra,
});

export const trainingModeSchema = z.enum(['sequential', 'batch']);

/** every setting has its default here (docs/graph-format.md, "Training") */
export const trainingSchema = z.strictObject({
  /** η */
  learningRate: finite.positive('the learning rate η must be greater than 0').default(0.5),
  mode: trainingModeSchema.default('sequential'),
  shuffle: z.boolean().default(false),
  seed: z.number().int().default(1),
  /** completed epochs */
  epoch: index.default(0),
  extra,
});

/** the document: what a graph file holds inside its envelope (`format`, `version`), after defaults */
export const graphDocSchema = z.strictObject({
  name: z.string().optional(),
  nodes: z.array(nodeSchema).min(1, 'a graph needs at least one node'),
  edges: z.array(edgeSchema),
  dataset: datasetSchema,
  /** absent in a file means every default */
  training: trainingSchema.prefault({}),
  /** unknown top-level keys */
  extra,
});

export type Extra = z.output<typeof extraSchema>;
export type Activation = z.output<typeof activationSchema>;
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

/** the settings of a file that names none: the schema's defaults */
export const DEFAULT_TRAINING: Readonly<TrainingSettings> = Object.freeze(trainingSchema.parse({}));
