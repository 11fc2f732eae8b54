import type { GraphEdge, GraphNode } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Selection } from '../store/selection';

// Copy, cut, paste and duplicate of the selected nodes with the edges among them and the edges
// into them (a pasted neuron keeps its inputs from nodes that still exist, the bias too; an edge
// out to a node that was not copied stays behind). Copies land below the originals, clear of
// them. The clipboard lives in memory for this window.

interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** copies land this far right of the originals, per paste… */
const OFFSET_X = 40;
/** …and this far below the originals' lowest node (a node is about 80 px tall) */
const GAP_Y = 110;

export function createClipboard(document: DocumentStore, selection: Selection) {
  let clip: Clip | null = null;
  let pasteCount = 0;

  function selectedClip(): Clip | null {
    const { doc } = document.getState();
    const ids = new Set(selection.getState().nodeIds);
    if (ids.size === 0) return null;
    const nodes = doc.nodes.filter((n) => ids.has(n.id));
    const edges = doc.edges.filter((e) => ids.has(e.target));
    return { nodes, edges };
  }

  function place(c: Clip, times: number, label: string): void {
    const ys = c.nodes.map((n) => n.position?.y ?? 0);
    const dy = (Math.max(...ys) - Math.min(...ys) + GAP_Y) * times;
    const dx = OFFSET_X * times;
    // a copy is never an output: output indices belong to the dataset's targets
    const nodes = c.nodes.map((n): GraphNode => {
      const moved = { ...n, position: { x: (n.position?.x ?? 0) + dx, y: (n.position?.y ?? 0) + dy } };
      if (moved.type === 'neuron') delete moved.output;
      return moved;
    });
    // an edge in from outside the copy comes along only while its source still exists (cut, then deleted)
    const copied = new Set(c.nodes.map((n) => n.id));
    const existing = new Set(document.getState().doc.nodes.map((n) => n.id));
    const edges = c.edges.filter((e) => copied.has(e.source) || existing.has(e.source));
    const ids = document.insertElements(nodes, edges, label);
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
