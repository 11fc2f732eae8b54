import { createRng, randomWeight } from '../../../engine/random';

// The document's seeded generator of initial weights for new edges: the same seed gives the
// same sequence of weights, so a drawn network is reproducible.

export interface WeightSource {
  next(): number;
}

export function createWeightSource(seed: number): WeightSource {
  const rng = createRng(seed);
  return { next: () => randomWeight(rng) };
}
