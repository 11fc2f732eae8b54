import { create } from 'zustand';
import type { Position } from '../../../engine';

// Where the nodes being dragged are right now. A drag moves them here, on the canvas only; the
// document receives the final positions at the drop, as one undo step. So a drag re-renders the
// dragged nodes and their edges, not everything that reads the document's nodes (inspector,
// formulas, graph checks, plot), on every pointer move of a big graph.

export interface DragPositionsState {
  positions: Readonly<Record<string, Position>>;
}

export const useDragPositions = create<DragPositionsState>(() => ({ positions: {} }));

export function dragTo(moved: Readonly<Record<string, Position>>): void {
  const { positions } = useDragPositions.getState();
  useDragPositions.setState({ positions: { ...positions, ...moved } });
}

/** the positions of the drag so far, plus `last`; the drag ends */
export function endDrag(last: Readonly<Record<string, Position>>): Record<string, Position> {
  const all = { ...useDragPositions.getState().positions, ...last };
  useDragPositions.setState({ positions: {} });
  return all;
}
