import { createRng, DEFAULT_TRAINING, randomWeight, type Dataset, type GraphDoc, type GraphEdge, type GraphNode } from '../../../engine';

// A layered network from a spec such as "2-5-3-1": the first number is the inputs, the last the
// outputs, those between are hidden layers; consecutive layers are fully connected and the bias
// feeds every neuron. A layered net is only one of the graphs the editor can draw, but the
// quickest start.

export const LAYER_X = 250;
export const ROW_Y = 110;
const MAX_WIDTH = 64;
const MAX_LAYERS = 16;

export type SpecResult = { ok: true; sizes: number[] } | { ok: false; reason: string };

export function parseLayerSpec(spec: string): SpecResult {
  const parts = spec.trim().split(/\s*[-x×,\s]\s*/).filter((p) => p !== '');
  if (parts.length < 2) return { ok: false, reason: 'give at least inputs and outputs, e.g. 2-5-1' };
  if (parts.length > MAX_LAYERS) return { ok: false, reason: `at most ${MAX_LAYERS} layers` };
  const sizes = parts.map(Number);
  const bad = sizes.findIndex((n) => !Number.isInteger(n) || n < 1 || n > MAX_WIDTH);
  if (bad >= 0) return { ok: false, reason: `'${parts[bad]}' is not a layer size from 1 to ${MAX_WIDTH}` };
  return { ok: true, sizes };
}

export function defaultFeatureNames(count: number): string[] {
  if (count === 2) return ['x', 'y'];
  return Array.from({ length: count }, (_, i) => `x${i}`);
}

const inputId = (names: string[], j: number) => (/^[A-Za-z0-9_]+$/.test(names[j]) ? `in_${names[j]}` : `in_x${j}`);

/** the network for `sizes`; weights from `seed`; keeps `dataset` when its columns fit, else an empty one */
export function layeredDoc(sizes: readonly number[], opts: { seed?: number; dataset?: Dataset; name?: string } = {}): GraphDoc {
  const seed = opts.seed ?? DEFAULT_TRAINING.seed;
  const rng = createRng(seed);
  const inputs = sizes[0];
  const outputs = sizes[sizes.length - 1];
  const dataset = fittingDataset(opts.dataset, inputs, outputs);
  const names = dataset.features ?? defaultFeatureNames(inputs);
  const top = (count: number, max: number) => ((max - count) * ROW_Y) / 2;
  const tallest = Math.max(...sizes, inputs + 1);

  const nodes: GraphNode[] = [{ id: 'in_1', type: 'bias', label: 'in_1', position: { x: 0, y: top(inputs + 1, tallest) } }];
  let layer: string[] = [];
  for (let j = 0; j < inputs; j++) {
    const id = inputId(names, j);
    nodes.push({ id, type: 'input', feature: j, position: { x: 0, y: top(inputs + 1, tallest) + (j + 1) * ROW_Y } });
    layer.push(id);
  }
  const edges: GraphEdge[] = [];
  const link = (source: string, target: string) =>
    edges.push({ id: `${source}->${target}`, source, target, weight: randomWeight(rng) });
  let next = 1;
  for (let l = 1; l < sizes.length; l++) {
    const current: string[] = [];
    const isLast = l === sizes.length - 1;
    for (let i = 0; i < sizes[l]; i++) {
      const id = String(next++);
      const position = { x: l * LAYER_X, y: top(sizes[l], tallest) + i * ROW_Y };
      nodes.push(isLast ? { id, type: 'neuron', activation: 'sigmoid', output: i, position } : { id, type: 'neuron', activation: 'sigmoid', position });
      link('in_1', id);
      for (const source of layer) link(source, id);
      current.push(id);
    }
    layer = current;
  }
  return { name: opts.name ?? `Layered ${sizes.join('-')}`, nodes, edges, dataset, training: { ...DEFAULT_TRAINING, seed } };
}

function fittingDataset(dataset: Dataset | undefined, inputs: number, outputs: number): Dataset {
  const fits =
    dataset &&
    (dataset.features?.length ?? inputs) === inputs &&
    dataset.examples.every((ex) => ex.x.length === inputs && ex.y.length === outputs);
  if (fits) return dataset;
  return {
    features: defaultFeatureNames(inputs),
    targets: outputs === 1 ? ['class'] : Array.from({ length: outputs }, (_, i) => `y${i}`),
    examples: [],
  };
}
