import { ACTIVATIONS, TRANSFORMS, type Activation, type GraphDoc, type Position, type Transform } from '../../../engine';
import { type NewNode } from '../store/document';
import { GRID } from './flowTypes';
import { overlapsAny } from '../layout/nodeBoxes';
import type { DocumentStore } from '../store/document';
import type { Selection } from '../store/selection';
import { activationFormula } from './activationFormulas';
import { expressionFormula, expressionId, expressionMeaning, expressionsFor, isDerived } from './derivedInputs';

// What the palette, the context menu and a double-click can add.
// An input's spec carries its feature expression (derivedInputs.ts): x₁, x₁², sin x₁, x₁x₂.
export type NodeSpec =
  | { type: 'neuron'; activation: Activation }
  | { type: 'input'; feature: number; transform?: Transform; times?: number }
  | { type: 'bias' };

export interface SpecItem {
  spec: NodeSpec;
  /** what the button says */
  text: string;
  /** its accessible name: what it does */
  name: string;
  /** a longer description (the button's title): σ, or what the input computes */
  detail: string;
}

/** two raw features unless the data set names more: the plane's x₁ and x₂ */
const DEFAULT_FEATURES = 2;

export function neuronItems(): SpecItem[] {
  return ACTIVATIONS.map((activation) => ({
    spec: { type: 'neuron', activation },
    text: `Neuron · ${activation}`,
    name: `Add ${activation} neuron`,
    detail: activationFormula(activation),
  }));
}

/** the inputs, TF Playground's features of the raw ones: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ */
export function inputItems(named: readonly string[] | undefined): SpecItem[] {
  return expressionsFor(named?.length ?? DEFAULT_FEATURES).map((e) => {
    const formula = expressionFormula(e);
    return { spec: { type: 'input', ...e }, text: formula, name: `Add input ${formula}`, detail: `An input computing ${expressionMeaning(e, named)}` };
  });
}

export const BIAS_ITEM: SpecItem = { spec: { type: 'bias' }, text: 'Bias · 1', name: 'Add bias', detail: 'The constant node in₁: z = 1, its edges are the biases' };

export function specItems(named: readonly string[] | undefined): SpecItem[] {
  return [...neuronItems(), ...inputItems(named), BIAS_ITEM];
}

const snap = (v: number, step: number) => Math.round(v / step) * step;

/** how far right of the rightmost bias or input a neuron starts (one layer's step in the templates) */
const NEURON_STEP_X = 250;

/** the leftmost x a neuron may take: right of every bias and input, so data flows left to right */
export function neuronMinX(doc: Pick<GraphDoc, 'nodes'>): number {
  const sources = doc.nodes.filter((n) => n.type !== 'neuron').map((n) => n.position?.x ?? 0);
  return sources.length === 0 ? -Infinity : Math.max(...sources) + NEURON_STEP_X;
}

/** the rightmost x an input or a bias may take: left of every neuron, so data flows left to right */
export function sourceMaxX(doc: Pick<GraphDoc, 'nodes'>): number {
  const neurons = doc.nodes.filter((n) => n.type === 'neuron').map((n) => n.position?.x ?? 0);
  return neurons.length === 0 ? Infinity : Math.min(...neurons) - NEURON_STEP_X;
}

/**
 * the free spot nearest to `at` (snapped to the grid), searching outwards ring by ring; a neuron's
 * spot is never left of the inputs, an input's or a bias's never right of the neurons
 */
export function freeSpot(doc: GraphDoc, type: NodeSpec['type'], at: Position): Position {
  const x = type === 'neuron' ? Math.max(at.x, neuronMinX(doc)) : Math.min(at.x, sourceMaxX(doc));
  const origin = { x: snap(x, GRID[0]), y: snap(at.y, GRID[1]) };
  const candidates: Position[] = [];
  for (let r = 0; r <= 12; r++) {
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++)
        if (Math.max(Math.abs(dx), Math.abs(dy)) === r) candidates.push({ x: origin.x + dx * 40, y: origin.y + dy * 30 });
    const free = candidates
      .filter((c) => !overlapsAny(doc, type, c) && (type === 'neuron' ? c.x >= origin.x : c.x <= origin.x))
      .sort((a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y));
    if (free.length > 0) return free[0];
    candidates.length = 0;
  }
  return origin;
}

/** adds the node at a canvas position, selects it, and returns its id */
export function addNodeAt(studio: { document: DocumentStore; selection: Selection }, spec: NodeSpec, at: Position): string {
  const doc = studio.document.getState().doc;
  const position = freeSpot(doc, spec.type, at);
  // a derived input is named by its formula (x₁², sin x₁) and gets an id saying what it computes
  const derived = spec.type === 'input' && isDerived(spec) ? { id: expressionId(spec, doc.dataset.features), label: expressionFormula(spec) } : {};
  const id = studio.document.addNode({ ...spec, ...derived, position } as NewNode);
  studio.selection.select([id]);
  return id;
}

export function encodeSpec(spec: NodeSpec): string {
  return JSON.stringify(spec);
}

export function decodeSpec(text: string): NodeSpec | null {
  try {
    const v = JSON.parse(text) as Partial<NodeSpec> & { activation?: string; feature?: number; transform?: string; times?: number };
    if (v.type === 'bias') return { type: 'bias' };
    if (v.type === 'input') return decodeInput(v);
    if (v.type === 'neuron' && (ACTIVATIONS as readonly string[]).includes(v.activation ?? ''))
      return { type: 'neuron', activation: v.activation as Activation };
  } catch {
    /* not ours */
  }
  return null;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** an input spec from a drag's data: a feature index, and at most one of a known transform or a second index */
function decodeInput(v: { feature?: unknown; transform?: unknown; times?: unknown }): NodeSpec | null {
  if (!isIndex(v.feature)) return null;
  const transform = (TRANSFORMS as readonly unknown[]).includes(v.transform) ? (v.transform as Transform) : undefined;
  if (v.transform !== undefined && transform === undefined) return null;
  if (v.times !== undefined && (!isIndex(v.times) || transform !== undefined)) return null;
  return { type: 'input', feature: v.feature, ...(transform ? { transform } : {}), ...(isIndex(v.times) ? { times: v.times } : {}) };
}
