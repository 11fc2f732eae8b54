import type { GapRule } from './constants';

// The one rule most pacing follows: work that is cheap follows at once; costlier work waits a
// multiple of what it costs, so it takes at most 1 / (1 + ratio) of the thread, within a floor
// and a ceiling.

/** gap(cost) = 0 when cost < cheapMs, else min(maxMs, max(minMs, ratio × cost)) */
export function costGap(rule: GapRule): (cost: number) => number {
  const { cheapMs, ratio, minMs, maxMs } = rule;
  return (cost) => (cost < cheapMs ? 0 : Math.min(maxMs, Math.max(minMs, ratio * cost)));
}
