// A PyTorch nn.Sequential of Linear layers and Sigmoid/Tanh/ReLU (the JSON its helper script
// writes: layers and state_dict) as a graph document: one input per feature, a bias node whose
// edges carry each Linear's bias, one neuron per output unit, the last layer's units the outputs.

import { z } from 'zod';
import { DEFAULT_TRAINING, type Activation, type GraphDoc, type GraphEdge, type GraphNode } from '../format/types';
import { GraphFileError } from '../format/errors';
import { zodToGraphIssues } from '../format/zodIssues';

const linear = z.strictObject({
  index: z.number().int().nonnegative(),
  kind: z.literal('Linear'),
  in_features: z.number().int().positive(),
  out_features: z.number().int().positive(),
  bias: z.boolean(),
});
const activation = z.strictObject({ index: z.number().int().nonnegative(), kind: z.enum(['Sigmoid', 'Tanh', 'ReLU']) });
const finite = z.number().finite();

export const sequentialSchema = z.strictObject({
  format: z.literal('torch.nn.Sequential'),
  layers: z.array(z.discriminatedUnion('kind', [linear, activation])).min(1),
  state_dict: z.record(z.string(), z.union([z.array(finite), z.array(z.array(finite))])),
});
export type SequentialJson = z.infer<typeof sequentialSchema>;

const ACTIVATION_OF: Record<'Sigmoid' | 'Tanh' | 'ReLU', Activation> = { Sigmoid: 'sigmoid', Tanh: 'tanh', ReLU: 'relu' };

interface Layer {
  index: number;
  inputs: number;
  outputs: number;
  bias: boolean;
  activation: Activation;
}

function fail(path: (string | number)[], message: string): never {
  throw new GraphFileError('schema', path, message);
}

/** each Linear with the activation right after it (none: linear), checked to chain */
function layersOf(model: SequentialJson): Layer[] {
  const layers: Layer[] = [];
  model.layers.forEach((layer, i) => {
    if (layer.kind === 'Linear') {
      const previous = layers.at(-1);
      if (previous && previous.outputs !== layer.in_features) {
        fail(['layers', i, 'in_features'], `layer ${layer.index} takes ${layer.in_features} inputs but the layer before gives ${previous.outputs}`);
      }
      layers.push({ index: layer.index, inputs: layer.in_features, outputs: layer.out_features, bias: layer.bias, activation: 'linear' });
      return;
    }
    const last = layers.at(-1);
    if (!last || model.layers[i - 1]?.kind !== 'Linear') fail(['layers', i], `layer ${layer.index} (${layer.kind}) must follow a Linear layer`);
    last.activation = ACTIVATION_OF[layer.kind];
  });
  if (layers.length === 0) fail(['layers'], 'the model has no Linear layer');
  return layers;
}

function matrix(model: SequentialJson, name: string, rows: number, cols: number): number[][] {
  const value = model.state_dict[name];
  if (value === undefined) fail(['state_dict', name], `the state_dict has no '${name}'`);
  const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) fail(['state_dict', name], `'${name}' should be ${rows}×${cols}`);
  return value as number[][];
}

function vector(model: SequentialJson, name: string, length: number): number[] {
  const value = model.state_dict[name];
  if (value === undefined) fail(['state_dict', name], `the state_dict has no '${name}'`);
  if (value.length !== length || value.some((v) => typeof v !== 'number')) fail(['state_dict', name], `'${name}' should hold ${length} numbers`);
  return value as number[];
}

const inputId = (f: number, count: number): string => (count === 2 ? ['in_x', 'in_y'][f] : `in_${f + 2}`);

/** throws GraphFileError naming what does not fit */
export function importSequential(model: SequentialJson, name = 'imported nn.Sequential'): GraphDoc {
  const layers = layersOf(model);
  const features = layers[0].inputs;
  const nodes: GraphNode[] = [{ id: 'in_1', type: 'bias', label: '1', position: { x: 0, y: 0 } }];
  for (let f = 0; f < features; f++) nodes.push({ id: inputId(f, features), type: 'input', feature: f, position: { x: 0, y: 120 * (f + 1) } });
  const edges: GraphEdge[] = [];
  let previous = Array.from({ length: features }, (_, f) => inputId(f, features));
  layers.forEach((layer, l) => {
    const weight = matrix(model, `${layer.index}.weight`, layer.outputs, layer.inputs);
    const bias = layer.bias ? vector(model, `${layer.index}.bias`, layer.outputs) : null;
    const isLast = l === layers.length - 1;
    const ids = Array.from({ length: layer.outputs }, (_, j) => `L${l + 1}_${j + 1}`);
    ids.forEach((id, j) => {
      nodes.push({ id, type: 'neuron', activation: layer.activation, ...(isLast ? { output: j } : {}), position: { x: 250 * (l + 1), y: 120 * j } });
      if (bias) edges.push({ id: `in_1->${id}`, source: 'in_1', target: id, weight: bias[j] });
      previous.forEach((source, i) => edges.push({ id: `${source}->${id}`, source, target: id, weight: weight[j][i] }));
    });
    previous = ids;
  });
  return { name, nodes, edges, dataset: { examples: [] }, training: { ...DEFAULT_TRAINING } };
}

/** JSON text from the helper script to a graph document, or a GraphFileError with the path of what is wrong */
export function parseSequential(text: string, name?: string): GraphDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new GraphFileError('syntax', [], `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = sequentialSchema.safeParse(value);
  if (!parsed.success) {
    const looksLikeBareStateDict = typeof value === 'object' && value !== null && !('format' in value) && Object.keys(value).some((k) => k.endsWith('.weight'));
    if (looksLikeBareStateDict) {
      throw new GraphFileError('format', [], 'this is a bare state_dict, which does not say the activations: write the model with sequential_to_json.py (shipped with every PyTorch export)');
    }
    throw new GraphFileError(zodToGraphIssues(parsed.error));
  }
  return importSequential(parsed.data, name);
}
