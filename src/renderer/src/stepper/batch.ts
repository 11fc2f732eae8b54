// Batch mode while stepping: every example of the epoch adds its ∂E_i/∂w to a running sum taken
// at the same (old) weights; the update comes once, after the epoch's last example.

export interface BatchEpoch {
  /** example indices already added to the sum, in the order they were stepped */
  readonly visited: readonly number[];
  /** Σ_i ∂E_i/∂w over the visited examples, per edge id */
  readonly sum: Readonly<Record<string, number>>;
}

export const EMPTY_EPOCH: BatchEpoch = { visited: [], sum: {} };

export const hasVisited = (epoch: BatchEpoch, index: number): boolean => epoch.visited.includes(index);

/** Σ over the visited examples plus example `index` (unless it is already counted). */
export function runningSum(
  epoch: BatchEpoch,
  index: number,
  grads: Readonly<Record<string, number>>,
): Record<string, number> {
  const counted = hasVisited(epoch, index);
  const out: Record<string, number> = {};
  for (const id in grads) {
    const before = epoch.sum[id] ?? 0;
    out[id] = counted ? before : before + grads[id];
  }
  return out;
}

/** The epoch after example `index` has been stepped to its end. Counting an example twice is refused. */
export function addExample(epoch: BatchEpoch, index: number, grads: Readonly<Record<string, number>>): BatchEpoch {
  if (hasVisited(epoch, index)) return epoch;
  return { visited: [...epoch.visited, index], sum: runningSum(epoch, index, grads) };
}

/** True when example `index` is the one that completes the epoch of `count` examples. */
export const completesEpoch = (epoch: BatchEpoch, index: number, count: number): boolean =>
  !hasVisited(epoch, index) && epoch.visited.length === count - 1;

/** The example to step after `index`: the next one in file order (batch: the next not yet counted). */
export function followingExample(epoch: BatchEpoch, index: number, count: number): number {
  if (count <= 0) return 0;
  for (let d = 1; d <= count; d++) {
    const i = (index + d) % count;
    if (!hasVisited(epoch, i)) return i;
  }
  return (index + 1) % count;
}
