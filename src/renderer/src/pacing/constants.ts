import { GRID } from '../data/maps';

// Every constant that paces the page while training runs, in one table, one line of why each.
// Times are ms of the page's own clock. The measurements behind the values, and what was tried
// instead: docs/performance.md, "Pacing constants".

/** "cheap → 0, else ratio × cost, within [minMs, maxMs]" (costGap.ts) */
export interface GapRule {
  /** work that costs less than this follows at once */
  cheapMs: number;
  /** else it waits this many times its cost… */
  ratio: number;
  /** …at least this long… */
  minMs: number;
  /** …and at most this long */
  maxMs: number;
}

/** a GapRule and the moving average (movingAverage.ts) its cost is read through */
export interface CostRule extends GapRule {
  /** the newest measurement's weight in the average (1: the last measurement alone) */
  smoothing: number;
}

/** (a) training's snapshots on screen: when the worker hears that one was shown */
export const SHOW = {
  /** showing one may take a frame (60 Hz) before the next waits: small graphs show one every frame or two */
  budgetMs: 16,
  /** above that the next waits twice the cost: snapshots take at most a third of the main thread */
  wait: { cheapMs: 0, ratio: 2, minMs: 0, maxMs: Infinity } satisfies GapRule,
  /** about the last four snapshots: one slow frame does not hold training back */
  smoothing: 0.25,
} as const;

/** (b) running weights into the document (a big graph's write re-derives everything that reads it) */
export const DOC_WRITE: CostRule = {
  /** a write under 2 ms goes with every snapshot: a small graph's document follows training exactly */
  cheapMs: 2,
  /** a costlier one waits 40 times its cost: writes take a few percent of the main thread */
  ratio: 40,
  /** no floor: the ratio alone spaces them */
  minMs: 0,
  /** the document is never more than a second behind (pause, step and divergence always write it) */
  maxMs: 1000,
  /** the last write's cost alone */
  smoothing: 1,
};

/** (c) a big graph's edge strokes following the weights (each restroke repaints the edge canvas, in the edge worker where one starts) */
export const STROKES: CostRule = {
  /** never cheap: a big graph's canvas of 2,000 curves costs 20-30 ms to paint (software raster; the page's frame where no worker paints it) */
  cheapMs: 0,
  /** strokes wait 40 repaints' cost (on the page it was 20-30 ms: about once a second on the DAG; the edge worker's 1-11 ms leave minMs to decide) */
  ratio: 40,
  /** at most twice a second however cheap (twice a second took the DAG's frames from 50 to 33 ms) */
  minMs: 500,
  /** however slow a repaint, the strokes still follow the weights */
  maxMs: 2000,
  /** a repaint's cost varies with what moved: average over a few */
  smoothing: 0.3,
};

/** (d) the nodes' numbers (live values) refreshed while training runs */
export const REFRESH: CostRule = {
  /** a refresh under 2 ms shows every snapshot (small graphs) */
  cheapMs: 2,
  /** a big graph's hundreds of numbers change faster than anyone reads them: wait 12 times the cost */
  ratio: 12,
  /** no floor: the ratio alone spaces them */
  minMs: 0,
  /** the numbers still move at least four times a second */
  maxMs: 250,
  /** the last refresh's cost alone */
  smoothing: 1,
};

/** (e) map passes asked of the map worker, and passes on the page where no worker runs */
export const MAP_REQUESTS = {
  /** two on their way: the worker starts the next pass as its rest ends (with one, the DAG's maps came 29/s, not 40) */
  maxPending: 2,
  /** the worker rests twice a pass's time, counted from the sending: maps take at most a third of its core */
  restRatio: 2,
  /** passes start at least 20 ms apart: 40 maps a second look as smooth as 60, and a small net's training keeps the time */
  minGapMs: 20,
  /** a pass on the page (no worker) takes at most 6 ms of each frame: a big net's spreads over several frames */
  pageSliceMs: 6,
} as const;

/** (e) how fine a map pass's grid is while training runs (paused: always GRID × GRID) */
export const MAP_GRID = {
  /** the grids a running net's maps may use, finest first (the canvas scales them up, smoothed) */
  grids: [GRID, 80, 64, 50, 40, 32] as readonly number[],
  /** what one pass may cost while training: the DAG's full 100² pass takes 30 ms, 50² about 8 */
  passMs: 8,
  /** ms per cell through a moving average: a pass's time on a busy machine varies twice over */
  smoothing: 0.3,
  /** a grid in use stays until its pass costs over 1.5 budgets (each change resizes every thumbnail's canvas)… */
  stayUnder: 1.5,
  /** …or until the next finer grid's would cost under 0.8 of one */
  refineUnder: 0.8,
} as const;

/** (f) a big graph: only what is on screen renders, its edges paint on one canvas, its strokes are paced */
export const BIG_GRAPH = {
  /** without a GPU, a few hundred annotated nodes off screen cost most of a frame */
  nodes: 120,
  /** …and so do a thousand SVG curves */
  edges: 600,
} as const;

/** Play's pace for a new window, epochs per second: slow enough to watch the boundary form, tens a second (full speed is one click away) */
export const WATCHABLE_EPOCHS_PER_SECOND = 30;

/** (g) level of detail: how far out the canvas may zoom before a node drops its numbers and thumbnail */
export const LEVEL_OF_DETAIL = {
  /** a node's numbers are set at 13 px (canvas.css, .bp-node) */
  numberPx: 13,
  /** under 6 px on screen no one reads them, and a fitted 2-64-64-1 (zoom 0.3) spent its frames painting them */
  readablePx: 6,
} as const;

/** (h) the page starved while training runs: the worker then rests a slice after each slice ("training yields before the interface") */
export const STARVED = {
  /**
   * a frame interval over one and a half 60 Hz frames is late: a missed vsync. Not 17 ms: the
   * controller reads the clock inside its frame callback, and that jitters — on a quiet 2-core
   * machine a quarter of the intervals read 17–18 ms while every frame came on time (the rAF
   * timestamps' intervals: none over 17 ms), which starved training at half its speed
   */
  lateMs: 25,
  /** the late share is a moving average over about the last ten frames */
  smoothing: 0.1,
  /** starved once over a quarter of recent frames are late (the goal is 5 %: past a quarter the page has lost the contest) */
  onAbove: 0.25,
  /** fed again once under one in twenty: between the two the worker keeps what it does, so it does not flip every frame */
  offBelow: 0.05,
  /** a decision holds at least half a second: a slice's rest takes a few frames to show */
  holdMs: 500,
  /**
   * the worker's rest after each 12 ms slice while starved (worker/host.ts SLICE_MS): one slice's
   * worth first (half its core), then twice as long for every half second the page stays
   * starved (a third, a fifth, a ninth): beside a CPU-burning neighbour on 2 cores, half a core
   * left the page 13-20 % late frames. A drag rests the first step only.
   */
  restMs: [12, 24, 48, 96],
} as const;

/** (i) a pointer or key pressed while training runs (the controller's "input first") */
export const INPUT_FIRST = {
  /**
   * until the input's frame has rendered, the worker rests this long after each 12 ms slice (an
   * eighth of its core) and the running snapshots wait: the click's render and paint get a core
   * of their own even beside a busy neighbour; the rest ends as soon as that frame is on screen
   */
  restMs: 96,
  /** a hidden page draws no frames: the rest ends this long after the input all the same */
  maxMs: 250,
} as const;
