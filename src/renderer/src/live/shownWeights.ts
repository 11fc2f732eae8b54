import { createStore } from 'zustand/vanilla';

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
 * The weights the edges' strokes show, in a store of their own: `weights` itself for a graph of
 * up to STROKE_EDGES edges; for a bigger one, a snapshot at most every strokeGap() (each restroked
 * edge repaints a long curve, and hundreds of them at screen rate take every frame — measured).
 * Every mounted edge subscribes here, so the weights' own updates (up to 80 a second while
 * training) do not run a thousand edges' selectors (measured: 8 % of the page's time on the DAG).
 */
export interface ShownStrokesState {
  strokes: Float64Array | null;
  /** edge id → index into `strokes` */
  index: ReadonlyMap<string, number> | null;
}

export const STROKE_EDGES = 600;
export const STROKE_MS = 500;
/**
 * A big graph's edge canvas costs its frame 20-30 ms to repaint (2,000 anti-aliased curves,
 * rasterised in software at the frame's commit: traced), a skipped frame or two each time; so
 * its strokes wait this many times a repaint's cost, at least STROKE_MS and at most STROKE_MAX_MS.
 */
export const STROKE_COST_RATIO = 40;
export const STROKE_MAX_MS = 2000;

export function createShownWeights() {
  const weightsStore = createStore<ShownWeightsState>(() => ({ weights: null, index: null }));
  const strokes = createStore<ShownStrokesState>(() => ({ strokes: null, index: null }));
  let strokesAt = -Infinity;
  /** what a repaint of the edge canvas costs its frame (ms, a moving average) */
  let strokeCost = 0;
  let lastIds: readonly string[] | null = null;
  let lastIndex: ReadonlyMap<string, number> | null = null;

  /** how long a big graph's strokes stay before they follow the weights again (ms) */
  const strokeGap = (): number => Math.min(STROKE_MAX_MS, Math.max(STROKE_MS, STROKE_COST_RATIO * strokeCost));

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
    strokeGap,
    /** the edge canvas repainted in a frame whose work took `ms` from the repaint on */
    noteStrokeCost(ms: number): void {
      if (ms >= 0) strokeCost += 0.3 * (ms - strokeCost);
    },
    /** `edgeIds` are the ids of `weights` in order; pass the same array each time to keep the index */
    show(edgeIds: readonly string[], weights: Float64Array, now: number): void {
      const index = indexFor(edgeIds);
      const prev = strokes.getState();
      const fresh = weights.length <= STROKE_EDGES || prev.index !== index || !prev.strokes || now - strokesAt >= strokeGap();
      weightsStore.setState({ weights, index });
      if (fresh) {
        strokesAt = now;
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
