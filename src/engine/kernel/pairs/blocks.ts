// How the two-lane map pass cuts the points: pairs per loop step, points per block (its memory
// is part of the kernel's layout).

/** pairs of points per loop step (a power of two) */
export const PAIR_WAYS = 4;
/** points per block: at most this many, */
const MAX_BLOCK_POINTS = 64;
/** and the block's z (8 bytes per node and point) within this many bytes, to stay in the caches */
const BLOCK_BYTES = 256 * 1024;

/** points per block for a net of n nodes: a whole number of steps */
export function blockPoints(n: number): number {
  const step = 2 * PAIR_WAYS;
  return Math.max(step, Math.min(MAX_BLOCK_POINTS, Math.floor(BLOCK_BYTES / (8 * n * step)) * step));
}
