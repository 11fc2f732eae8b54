// The prediction streak a "streak" goal reads: right predictions in a row, kept by the
// step-through's predict mode (another part of the app). The lesson service reads it through this
// source, so it can be passed in once predicting exists; until then the streak is 0.

export interface StreakSource {
  get(): number;
  /** calls `listener` when the streak changes; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
}

export const NO_STREAK: StreakSource = Object.freeze({ get: () => 0, subscribe: () => () => {} });
