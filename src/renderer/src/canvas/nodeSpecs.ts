import { ACTIVATIONS, type Activation, type GraphDoc, type Position } from '../../../engine';
import { type NewNode } from '../store/document';
import { GRID } from './flowTypes';
import { overlapsAny } from '../layout/nodeBoxes';
import type { DocumentStore } from '../store/document';
import type { Selection } from '../store/selection';

// What the palette, the context menu and a double-click can add.
export type NodeSpec = { type: 'neuron'; activation: Activation } | { type: 'input'; feature: number } | { type: 'bias' };

export interface SpecItem {
  spec: NodeSpec;
  /** what the button says */
  text: string;
  /** its accessible name: what it does */
  name: string;
}

export function specItems(named: readonly string[] | undefined): SpecItem[] {
  const features = named ?? ['x0', 'x1'];
  return [
    ...ACTIVATIONS.map((activation) => ({
      spec: { type: 'neuron', activation } as NodeSpec,
      text: `Neuron · ${activation}`,
      name: `Add ${activation} neuron`,
    })),
    ...features.map((f, feature) => ({
      spec: { type: 'input', feature } as NodeSpec,
      text: `Input · ${f}`,
      name: `Add input ${f}`,
    })),
    { spec: { type: 'bias' }, text: 'Bias · 1', name: 'Add bias' },
  ];
}

const snap = (v: number, step: number) => Math.round(v / step) * step;

/** how far right of the rightmost bias or input a neuron starts (one layer's step in the templates) */
const NEURON_STEP_X = 250;

/** the leftmost x a neuron may take: right of every bias and input, so data flows left to right */
export function neuronMinX(doc: Pick<GraphDoc, 'nodes'>): number {
  const sources = doc.nodes.filter((n) => n.type !== 'neuron').map((n) => n.position?.x ?? 0);
  return sources.length === 0 ? -Infinity : Math.max(...sources) + NEURON_STEP_X;
}

/**
 * the free spot nearest to `at` (snapped to the grid), searching outwards ring by ring; a neuron's
 * spot is never left of the inputs
 */
export function freeSpot(doc: GraphDoc, type: NodeSpec['type'], at: Position): Position {
  const x = type === 'neuron' ? Math.max(at.x, neuronMinX(doc)) : at.x;
  const origin = { x: snap(x, GRID[0]), y: snap(at.y, GRID[1]) };
  const candidates: Position[] = [];
  for (let r = 0; r <= 12; r++) {
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++)
        if (Math.max(Math.abs(dx), Math.abs(dy)) === r) candidates.push({ x: origin.x + dx * 40, y: origin.y + dy * 30 });
    const free = candidates
      .filter((c) => !overlapsAny(doc, type, c) && (type !== 'neuron' || c.x >= origin.x))
      .sort((a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y));
    if (free.length > 0) return free[0];
    candidates.length = 0;
  }
  return origin;
}

/** adds the node at a canvas position, selects it, and returns its id */
export function addNodeAt(studio: { document: DocumentStore; selection: Selection }, spec: NodeSpec, at: Position): string {
  const position = freeSpot(studio.document.getState().doc, spec.type, at);
  const id = studio.document.addNode({ ...spec, position } as NewNode);
  studio.selection.select([id]);
  return id;
}

export function encodeSpec(spec: NodeSpec): string {
  return JSON.stringify(spec);
}

export function decodeSpec(text: string): NodeSpec | null {
  try {
    const v = JSON.parse(text) as Partial<NodeSpec> & { activation?: string; feature?: number };
    if (v.type === 'bias') return { type: 'bias' };
    if (v.type === 'input' && Number.isInteger(v.feature) && v.feature! >= 0) return { type: 'input', feature: v.feature! };
    if (v.type === 'neuron' && (ACTIVATIONS as readonly string[]).includes(v.activation ?? ''))
      return { type: 'neuron', activation: v.activation as Activation };
  } catch {
    /* not ours */
  }
  return null;
}
