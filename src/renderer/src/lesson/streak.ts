// The prediction streak a "streak" goal reads: right predictions in a row, kept by the
// step-through's predict mode (predict/store.ts). The lesson service reads it through this source
// (a test passes its own).

import type { PredictStore } from '../predict/store';

export interface StreakSource {
  get(): number;
  /** calls `listener` when the streak changes; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
}

/** the predict store's current streak, changing as the learner answers */
export function predictStreak(predict: PredictStore): StreakSource {
  return {
    get: () => predict.getState().streak,
    subscribe: (listener) => predict.subscribe((s, prev) => s.streak !== prev.streak && listener()),
  };
}
