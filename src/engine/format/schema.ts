// The shape of a version-1 graph file as zod 4 strict objects. Unknown keys have already been
// moved into `extra` (see extras.ts), so "strict" means: nothing slips through unchecked.

import { z } from 'zod';
import { ACTIVATIONS } from './types';

// zod would probe `new Function` to decide whether to compile parsers; the app's CSP forbids eval
// (a probe is still reported as a violation), and interpreted parsing is fast enough for files.
z.config({ jitless: true });

const extra = z.record(z.string(), z.unknown()).optional();
const finite = z.number();
const index = z.number().int().min(0);
const id = z.string().min(1, 'an id must be a non-empty string');

export const positionSchema = z.strictObject({ x: finite, y: finite, extra });

const nodeCommon = { id, label: z.string().optional(), position: positionSchema.optional(), extra };

export const inputNodeSchema = z.strictObject({ ...nodeCommon, type: z.literal('input'), feature: index });
export const biasNodeSchema = z.strictObject({ ...nodeCommon, type: z.literal('bias') });
export const neuronNodeSchema = z.strictObject({
  ...nodeCommon,
  type: z.literal('neuron'),
  activation: z.enum(ACTIVATIONS),
  output: index.optional(),
});
export const nodeSchema = z.discriminatedUnion('type', [inputNodeSchema, biasNodeSchema, neuronNodeSchema]);

export const edgeSchema = z.strictObject({ id, source: z.string(), target: z.string(), weight: finite, extra });

export const exampleSchema = z.strictObject({ x: z.array(finite), y: z.array(finite), extra });

const interval = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'the minimum must be less than the maximum');
export const domainSchema = z.strictObject({ x: interval, y: interval, extra });

export const datasetSchema = z.strictObject({
  features: z.array(z.string()).optional(),
  targets: z.array(z.string()).optional(),
  examples: z.array(exampleSchema),
  domain: domainSchema.optional(),
  extra,
});

export const trainingSchema = z.strictObject({
  learningRate: finite.positive('the learning rate η must be greater than 0').optional(),
  mode: z.enum(['sequential', 'batch']).optional(),
  shuffle: z.boolean().optional(),
  seed: z.number().int().optional(),
  epoch: index.optional(),
  extra,
});

export const graphFileSchema = z.strictObject({
  format: z.string(),
  version: z.number(),
  name: z.string().optional(),
  nodes: z.array(nodeSchema).min(1, 'a graph needs at least one node'),
  edges: z.array(edgeSchema),
  dataset: datasetSchema,
  training: trainingSchema.optional(),
  extra,
});

export type GraphFileData = z.infer<typeof graphFileSchema>;

/** the keys each kind of object knows; every other key is kept in `extra` */
export const KNOWN_KEYS = {
  file: keysOf(graphFileSchema),
  node: {
    input: keysOf(inputNodeSchema),
    bias: keysOf(biasNodeSchema),
    neuron: keysOf(neuronNodeSchema),
  },
  position: keysOf(positionSchema),
  edge: keysOf(edgeSchema),
  dataset: keysOf(datasetSchema),
  example: keysOf(exampleSchema),
  domain: keysOf(domainSchema),
  training: keysOf(trainingSchema),
};

function keysOf(schema: { shape: Record<string, unknown> }): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape).filter((k) => k !== 'extra'));
}
