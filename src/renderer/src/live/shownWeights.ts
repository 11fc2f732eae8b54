import { createStore } from 'zustand/vanilla';
import { createStrokePace } from '../pacing/costPace';

// The weights training has most recently shown, fresher than the document's while training
// runs: the worker's snapshots land here at screen rate (cheap: one array, no new document),
// and the document receives them at a lower rate and always when training stops. Edges, live
// values and maps read a weight from here when it is present, else from the document.
// Present only while training runs on the document as it is (the controller clears it on any
// training-relevant edit, and when training stops after writing the last weights into the doc).

export interface ShownWeightsState {
  /** the latest snapshot's weights in doc.edges order, or null: read the document */
  weights: Float64Array | null;
  /** edge id → index into `weights` */
  index: ReadonlyMap<string, number> | null;
}

/**
 * The weights the edges' strokes show, in a store of their own: `weights` itself for a graph
 * that is not big; for a big one, a snapshot at the strokes' pace (pacing/constants.ts, STROKES:
 * each restroke repaints the edge canvas, and at screen rate that takes every frame — measured).
 * Every mounted edge subscribes here, so the weights' own updates (up to 80 a second while
 * training) do not run a thousand edges' selectors (measured: 8 % of the page's time on the DAG).
 */
export interface ShownStrokesState {
  strokes: Float64Array | null;
  /** edge id → index into `strokes` */
  index: ReadonlyMap<string, number> | null;
}

export function createShownWeights() {
  const weightsStore = createStore<ShownWeightsState>(() => ({ weights: null, index: null }));
  const strokes = createStore<ShownStrokesState>(() => ({ strokes: null, index: null }));
  /** a big graph's strokes follow the weights at the pace a repaint's cost allows */
  const strokePace = createStrokePace();
  let lastIds: readonly string[] | null = null;
  let lastIndex: ReadonlyMap<string, number> | null = null;

  function indexFor(edgeIds: readonly string[]): ReadonlyMap<string, number> {
    if (edgeIds !== lastIds || !lastIndex) {
      lastIds = edgeIds;
      lastIndex = new Map(edgeIds.map((id, i) => [id, i]));
    }
    return lastIndex;
  }

  return Object.assign(weightsStore, {
    /** the strokes' own store (edges subscribe here) */
    strokes,
    /** how long a big graph's strokes stay before they follow the weights again (ms) */
    strokeGap: () => strokePace.gap(),
    /** the edge canvas repainted in a frame whose work took `ms` from the repaint on */
    noteStrokeCost: (ms: number) => strokePace.observe(ms),
    /**
     * `edgeIds` are the ids of `weights` in order; pass the same array each time to keep the
     * index. `big`: a big graph (pacing/bigGraph.ts), whose strokes are paced.
     */
    show(edgeIds: readonly string[], weights: Float64Array, now: number, big = false): void {
      const index = indexFor(edgeIds);
      const prev = strokes.getState();
      const fresh = !big || prev.index !== index || !prev.strokes || strokePace.wait(now) === 0;
      weightsStore.setState({ weights, index });
      if (fresh) {
        strokePace.ran(now);
        strokes.setState({ strokes: weights, index });
      }
    },
    clear(): void {
      if (weightsStore.getState().weights !== null) weightsStore.setState({ weights: null, index: null });
      if (strokes.getState().strokes !== null) strokes.setState({ strokes: null, index: null });
    },
    /** the shown weights when they belong to a net of `count` edges, else null */
    weightsFor(count: number): Float64Array | null {
      const { weights } = weightsStore.getState();
      return weights && weights.length === count ? weights : null;
    },
  });
}

export type ShownWeights = ReturnType<typeof createShownWeights>;
