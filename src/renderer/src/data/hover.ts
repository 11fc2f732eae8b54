import { create } from 'zustand';

// Which neuron the pointer is over on the canvas: the plot then shows that neuron's z_k map large.
interface HoverState {
  hoveredNodeId: string | null;
}

export const useHover = create<HoverState>(() => ({ hoveredNodeId: null }));

export function setHoveredNode(id: string | null): void {
  if (useHover.getState().hoveredNodeId !== id) useHover.setState({ hoveredNodeId: id });
}
