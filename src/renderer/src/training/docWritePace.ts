// How often running weights go into the document. Every snapshot when that is cheap (a small
// graph: the document follows training exactly, as it always has); when one write costs more,
// wait a multiple of its cost, at most a second, so writes take a few percent of the main thread.
// The shown weights (live/shownWeights.ts) carry every snapshot to the screen in between, and
// pause, step and divergence always write the document.

/** below this cost (ms) a write happens with every snapshot */
const CHEAP_MS = 2;
const SHARE = 40;
const LONGEST_MS = 1000;

export function docWriteInterval(cost: number): number {
  return cost < CHEAP_MS ? 0 : Math.min(LONGEST_MS, SHARE * cost);
}
