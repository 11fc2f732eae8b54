import { ACT_SIGMOID, ACT_TANH, forward, type Net } from '../../../engine';
import type { Example } from '../../../engine/format/types';

// Saturation: a sigmoid or tanh output pinned at its bounds on every example, so σ′ ≈ 0 and no
// gradient reaches any weight — training runs on and nothing changes (η = 50 on the tutorial
// 2-5-1 freezes E at 14). Named like divergence, because it fails as silently.

/** σ′(s_o) below this counts as flat (σ′ is at most 0.25 for sigmoid, 1 for tanh) */
export const FLAT_SLOPE = 1e-3;

/**
 * true when every squashing output has σ′ < FLAT_SLOPE on every example and some example is on
 * the wrong side (pinned at the wrong bound: a net pinned at the right ones has simply learned);
 * a net with any unsaturated output on any example answers at its first such example
 */
export function isSaturated(net: Net, examples: readonly Example[]): boolean {
  if (examples.length === 0 || net.numOutputs === 0) return false;
  const squashing = Array.from(net.outputNode).every((k) => net.act[k] === ACT_SIGMOID || net.act[k] === ACT_TANH);
  if (!squashing) return false;
  let wrong = false;
  for (const ex of examples) {
    forward(net, ex.x);
    for (let o = 0; o < net.numOutputs; o++) {
      const k = net.outputNode[o];
      if (net.dzds[k] >= FLAT_SLOPE) return false;
      if (Math.abs(net.z[k] - ex.y[o]) > 0.5 * (net.act[k] === ACT_TANH ? 2 : 1)) wrong = true;
    }
  }
  return wrong;
}
