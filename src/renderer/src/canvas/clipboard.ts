import type { GraphEdge, GraphNode } from '../../../engine';
import { insertElements, removeElements, useDocument } from '../store/document';
import { select, useSelection } from '../store/selection';

// Copy, cut, paste and duplicate of the selected nodes with the edges among them (an edge whose
// other end was not copied stays behind). The clipboard lives in memory for this window.

interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

let clip: Clip | null = null;
let pasteCount = 0;
const OFFSET = 40;

function selectedClip(): Clip | null {
  const { doc } = useDocument.getState();
  const ids = new Set(useSelection.getState().nodeIds);
  if (ids.size === 0) return null;
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes, edges };
}

export function copySelection(): boolean {
  const c = selectedClip();
  if (!c) return false;
  clip = c;
  pasteCount = 0;
  return true;
}

export function cutSelection(): boolean {
  if (!copySelection()) return false;
  const s = useSelection.getState();
  removeElements(s.nodeIds, s.edgeIds);
  return true;
}

function place(c: Clip, times: number, label: string): void {
  const shift = OFFSET * times;
  // a copy is never an output: output indices belong to the dataset's targets
  const nodes = c.nodes.map((n): GraphNode => {
    const moved = { ...n, position: { x: (n.position?.x ?? 0) + shift, y: (n.position?.y ?? 0) + shift } };
    if (moved.type === 'neuron') delete moved.output;
    return moved;
  });
  const ids = insertElements(nodes, c.edges, label);
  select(ids.nodeIds, ids.edgeIds);
}

export function paste(): boolean {
  if (!clip) return false;
  pasteCount += 1;
  place(clip, pasteCount, 'Paste');
  return true;
}

export function duplicateSelection(): boolean {
  const c = selectedClip();
  if (!c) return false;
  place(c, 1, 'Duplicate');
  return true;
}

export function deleteSelection(): boolean {
  const s = useSelection.getState();
  if (s.nodeIds.length === 0 && s.edgeIds.length === 0) return false;
  removeElements(s.nodeIds, s.edgeIds);
  return true;
}
