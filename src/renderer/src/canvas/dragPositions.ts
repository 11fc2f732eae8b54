import { createStore } from 'zustand/vanilla';
import type { Position } from '../../../engine';

// Where the nodes being dragged are right now. A drag moves them here, on the canvas only; the
// document receives the final positions at the drop, as one undo step. So a drag re-renders the
// dragged nodes and their edges, not everything that reads the document's nodes (inspector,
// formulas, graph checks, plot), on every pointer move of a big graph.

export interface DragPositionsState {
  positions: Readonly<Record<string, Position>>;
}

export function createDragPositions() {
  const store = createStore<DragPositionsState>(() => ({ positions: {} }));
  return Object.assign(store, {
    dragTo(moved: Readonly<Record<string, Position>>): void {
      const { positions } = store.getState();
      store.setState({ positions: { ...positions, ...moved } });
    },
    /** the positions of the drag so far, plus `last`; the drag ends */
    endDrag(last: Readonly<Record<string, Position>>): Record<string, Position> {
      const all = { ...store.getState().positions, ...last };
      store.setState({ positions: {} });
      return all;
    },
    /** is a drag under way? */
    dragging: () => Object.keys(store.getState().positions).length > 0,
  });
}

export type DragPositions = ReturnType<typeof createDragPositions>;
