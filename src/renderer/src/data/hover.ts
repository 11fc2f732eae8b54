import { createStore } from 'zustand/vanilla';

// Which neuron the pointer is over on the canvas: the plot then shows that neuron's z_k map large.
export interface HoverState {
  hoveredNodeId: string | null;
}

export function createHover() {
  const store = createStore<HoverState>(() => ({ hoveredNodeId: null }));
  return Object.assign(store, {
    setHoveredNode(id: string | null): void {
      if (store.getState().hoveredNodeId !== id) store.setState({ hoveredNodeId: id });
    },
  });
}

export type Hover = ReturnType<typeof createHover>;
