import { createStore } from 'zustand/vanilla';
import type { HistoryPoint, Metrics, Snapshot } from './protocol';
import { WATCHABLE_EPOCHS_PER_SECOND } from '../pacing/constants';

// The training worker's state as the panels show it: whether it runs, the readouts at the
// latest snapshot, and the loss history for the chart. Not part of the document, not in undo.

export const HISTORY_MAX = 2000;

export interface TrainingState {
  running: boolean;
  epoch: number;
  /** examples done in the epoch under way */
  position: number;
  error: number | null;
  meanError: number | null;
  accuracy: number | null;
  /** Σ_i Σ_o (h_o − y_o)² / (n·m) over the training examples: a regression's measure */
  meanSquaredError: number | null;
  /** the same four over the test examples, measured apart; null when there are none */
  test: Metrics | null;
  /** the regulariser's λ Σ|w| or λ Σ w² (E_reg = E + penalty); 0 without one */
  penalty: number;
  /** example-updates per second */
  rate: number;
  backend: 'wasm' | 'js' | null;
  /** why the pure engine trains rather than the kernel, or null */
  engineReason: string | null;
  history: readonly HistoryPoint[];
  /** the latest snapshot found the net saturated (training/saturation.ts) */
  saturated: boolean;
  /** Play's pace in epochs per second; null: as fast as the machine can (a setting, not in the document) */
  speed: number | null;
}

/** history after adding `points`: trimmed past an epoch that went back (reset, undo), thinned when long */
export function mergeHistory(prev: readonly HistoryPoint[], points: readonly HistoryPoint[], epoch: number): HistoryPoint[] {
  let next = prev.filter((p) => p.epoch <= epoch);
  for (const p of points) {
    while (next.length > 0 && next[next.length - 1].epoch >= p.epoch) next.pop();
    next.push(p);
  }
  while (next.length > HISTORY_MAX) next = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
  return next;
}

export function createTrainingStore() {
  const store = createStore<TrainingState>(() => ({
    running: false,
    epoch: 0,
    position: 0,
    error: null,
    meanError: null,
    accuracy: null,
    meanSquaredError: null,
    test: null,
    penalty: 0,
    rate: 0,
    backend: null,
    engineReason: null,
    saturated: false,
    history: [],
    speed: WATCHABLE_EPOCHS_PER_SECOND,
  }));

  /** `current`: the snapshot reflects the latest command, so its running state is the truth */
  function applySnapshot(s: Snapshot, examples: number, current = true): void {
    const prev = store.getState();
    store.setState({
      running: current ? s.running : prev.running,
      epoch: s.epoch,
      position: s.position,
      error: examples > 0 ? s.error : null,
      meanError: examples > 0 ? s.meanError : null,
      accuracy: examples > 0 ? s.accuracy : null,
      meanSquaredError: examples > 0 ? s.meanSquaredError : null,
      test: examples > 0 ? s.test : null,
      penalty: s.penalty,
      rate: s.rate,
      backend: s.backend,
      engineReason: s.engineReason,
      saturated: s.saturated,
      // no examples, no E: an empty document's chart is empty, whatever a late snapshot still carries
      history:
        examples === 0
          ? []
          : s.history.length > 0 || prev.history.some((p) => p.epoch > s.epoch)
            ? mergeHistory(prev.history, s.history, s.epoch)
            : prev.history,
    });
  }

  function setRunning(running: boolean): void {
    store.setState({ running, ...(running ? {} : { rate: 0 }) });
  }

  function setSpeed(speed: number | null): void {
    store.setState({ speed });
  }

  function clearHistory(): void {
    store.setState({ history: [] });
  }

  return Object.assign(store, { applySnapshot, setRunning, setSpeed, clearHistory });
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;
