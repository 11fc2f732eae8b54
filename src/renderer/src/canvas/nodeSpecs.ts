import { ACTIVATIONS, type Activation, type GraphDoc, type Position } from '../../../engine';
import { addNode, useDocument, type NewNode } from '../store/document';
import { select } from '../store/selection';
import { GRID } from './flowTypes';

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

/** a free spot at `at`: snapped to the grid, nudged down while another node sits there */
function freeSpot(doc: GraphDoc, at: Position): Position {
  let p = { x: snap(at.x, GRID[0]), y: snap(at.y, GRID[1]) };
  const taken = (q: Position) => doc.nodes.some((n) => n.position && Math.abs(n.position.x - q.x) < 30 && Math.abs(n.position.y - q.y) < 30);
  for (let i = 0; i < 50 && taken(p); i++) p = { x: p.x, y: p.y + 60 };
  return p;
}

/** adds the node at a canvas position, selects it, and returns its id */
export function addNodeAt(spec: NodeSpec, at: Position): string {
  const position = freeSpot(useDocument.getState().doc, at);
  const id = addNode({ ...spec, position } as NewNode);
  select([id]);
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
