import { createStore } from 'zustand/vanilla';
import type { DocumentStore } from '../store/document';

// Which neuron the pointer is over on the canvas: the plot then shows that neuron's z_k map large.
// A neuron that goes (deleted, cut, another document) takes its hover with it: the pointer
// never "leaves" an element that was removed under it, so the document is watched too.
export interface HoverState {
  hoveredNodeId: string | null;
}

export function createHover(document: Pick<DocumentStore, 'getState' | 'subscribe'>) {
  const store = createStore<HoverState>(() => ({ hoveredNodeId: null }));
  const setHoveredNode = (id: string | null): void => {
    if (store.getState().hoveredNodeId !== id) store.setState({ hoveredNodeId: id });
  };
  const stop = document.subscribe((s, prev) => {
    const id = store.getState().hoveredNodeId;
    if (id !== null && s.doc.nodes !== prev.doc.nodes && !s.doc.nodes.some((n) => n.id === id)) setHoveredNode(null);
  });
  return Object.assign(store, {
    setHoveredNode,
    /** the pointer left `id`'s element, or the element went: the hover ends if it was `id`'s */
    leave(id: string): void {
      if (store.getState().hoveredNodeId === id) setHoveredNode(null);
    },
    stop,
  });
}

export type Hover = ReturnType<typeof createHover>;
