import type { GraphEdge, GraphNode } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Selection } from '../store/selection';

// Copy, cut, paste and duplicate of the selected nodes with the edges among them (an edge whose
// other end was not copied stays behind). The clipboard lives in memory for this window.

interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const OFFSET = 40;

export function createClipboard(document: DocumentStore, selection: Selection) {
  let clip: Clip | null = null;
  let pasteCount = 0;

  function selectedClip(): Clip | null {
    const { doc } = document.getState();
    const ids = new Set(selection.getState().nodeIds);
    if (ids.size === 0) return null;
    const nodes = doc.nodes.filter((n) => ids.has(n.id));
    const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    return { nodes, edges };
  }

  function place(c: Clip, times: number, label: string): void {
    const shift = OFFSET * times;
    // a copy is never an output: output indices belong to the dataset's targets
    const nodes = c.nodes.map((n): GraphNode => {
      const moved = { ...n, position: { x: (n.position?.x ?? 0) + shift, y: (n.position?.y ?? 0) + shift } };
      if (moved.type === 'neuron') delete moved.output;
      return moved;
    });
    const ids = document.insertElements(nodes, c.edges, label);
    selection.select(ids.nodeIds, ids.edgeIds);
  }

  function copySelection(): boolean {
    const c = selectedClip();
    if (!c) return false;
    clip = c;
    pasteCount = 0;
    return true;
  }

  return {
    copySelection,
    cutSelection(): boolean {
      if (!copySelection()) return false;
      const s = selection.getState();
      document.removeElements(s.nodeIds, s.edgeIds);
      return true;
    },
    paste(): boolean {
      if (!clip) return false;
      pasteCount += 1;
      place(clip, pasteCount, 'Paste');
      return true;
    },
    duplicateSelection(): boolean {
      const c = selectedClip();
      if (!c) return false;
      place(c, 1, 'Duplicate');
      return true;
    },
    deleteSelection(): boolean {
      const s = selection.getState();
      if (s.nodeIds.length === 0 && s.edgeIds.length === 0) return false;
      document.removeElements(s.nodeIds, s.edgeIds);
      return true;
    },
  };
}

export type Clipboard = ReturnType<typeof createClipboard>;
