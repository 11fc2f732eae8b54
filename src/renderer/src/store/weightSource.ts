// The document's seeded generator of initial weights for new edges: the same seed gives the
// same sequence of weights, so a drawn network is reproducible.
// TEMPORARY until src/engine exports createRng/randomWeight (then this delegates to them).

export interface WeightSource {
  next(): number;
}

/** mulberry32, uniform in [-0.5, 0.5) */
export function createWeightSource(seed: number): WeightSource {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next: () => uniform() - 0.5 };
}
