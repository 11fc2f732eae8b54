import { create } from 'zustand';

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

export const useShownWeights = create<ShownWeightsState>(() => ({ weights: null, index: null }));
export const useShownStrokes = create<ShownStrokesState>(() => ({ strokes: null, index: null }));
let strokesAt = -Infinity;
/** what a repaint of the edge canvas costs its frame (ms, a moving average) */
let strokeCost = 0;

/** the edge canvas repainted in a frame whose work took `ms` from the repaint on */
export function noteStrokeCost(ms: number): void {
  if (ms >= 0) strokeCost += 0.3 * (ms - strokeCost);
}

/** how long a big graph's strokes stay before they follow the weights again (ms) */
export function strokeGap(): number {
  return Math.min(STROKE_MAX_MS, Math.max(STROKE_MS, STROKE_COST_RATIO * strokeCost));
}

let lastIds: readonly string[] | null = null;
let lastIndex: ReadonlyMap<string, number> | null = null;

function indexFor(edgeIds: readonly string[]): ReadonlyMap<string, number> {
  if (edgeIds !== lastIds || !lastIndex) {
    lastIds = edgeIds;
    lastIndex = new Map(edgeIds.map((id, i) => [id, i]));
  }
  return lastIndex;
}

/** `edgeIds` are the ids of `weights` in order; pass the same array each time to keep the index */
export function showWeights(edgeIds: readonly string[], weights: Float64Array, now = performance.now()): void {
  const index = indexFor(edgeIds);
  const prev = useShownStrokes.getState();
  const fresh = weights.length <= STROKE_EDGES || prev.index !== index || !prev.strokes || now - strokesAt >= strokeGap();
  useShownWeights.setState({ weights, index });
  if (fresh) {
    strokesAt = now;
    useShownStrokes.setState({ strokes: weights, index });
  }
}

export function clearShownWeights(): void {
  if (useShownWeights.getState().weights !== null) useShownWeights.setState({ weights: null, index: null });
  if (useShownStrokes.getState().strokes !== null) useShownStrokes.setState({ strokes: null, index: null });
}

/** the shown weights when they belong to a net of `count` edges, else null */
export function shownWeightsFor(count: number): Float64Array | null {
  const { weights } = useShownWeights.getState();
  return weights && weights.length === count ? weights : null;
}
