// Noticing that training blew up: a weight that is NaN/±Infinity, or beyond a bound long before that.

import type { Net } from './compile';

/** the first weight that is non-finite or has |w| > limit, or null */
export function findDivergence(net: Net, limit = 1e6): { edgeIndex: number; value: number } | null {
  const { weights } = net;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e];
    if (!(Math.abs(w) <= limit)) return { edgeIndex: e, value: w }; // also catches NaN
  }
  return null;
}
