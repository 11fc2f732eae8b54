import type { GraphDoc } from '../../../engine/format/types';

// Messages between the main thread and the training worker. Every message from the worker
// carries the generation of the document it trained, so the main thread drops snapshots of a
// document it has since replaced.

/** `seq` numbers the main thread's commands; snapshots say which one they reflect */
export type ToWorker =
  /** `position`: examples of the epoch already trained (the step-through's, at a batch's start); absent: 0 */
  | { type: 'load'; seq: number; generation: number; doc: GraphDoc; position?: number }
  | { type: 'play'; seq: number }
  /** epochs per second while playing; null trains as fast as the machine can */
  | { type: 'speed'; epochsPerSecond: number | null }
  /** the main thread has shown the last running snapshot: the next one may come */
  | { type: 'shown' }
  /** the person is dragging on the canvas: train half of the time, so the page gets a core too */
  /** rest `restMs` after each slice (0: none) — the page is starved, or a drag is under way */
  | { type: 'yield'; restMs: number }
  | { type: 'pause'; seq: number }
  | { type: 'stepExample'; seq: number }
  | { type: 'stepEpoch'; seq: number };

export interface HistoryPoint {
  epoch: number;
  /** E = Σ_i E_i over the training examples at the weights after this epoch */
  error: number;
  /** E / n over the training examples */
  meanError: number;
  /** share of training examples classified right, 0…1 (0 for a regression) */
  accuracy: number;
  /** the same over the test examples; absent when there are none */
  test?: { error: number; meanError: number; accuracy: number };
}

/** E, mean error, accuracy and MSE over one part of the data set (the engine's Evaluation) */
export interface Metrics {
  error: number;
  meanError: number;
  accuracy: number;
  meanSquaredError: number;
}

export interface Snapshot {
  generation: number;
  /** the last command the worker had handled when it took this snapshot */
  seq: number;
  /** doc.edges order */
  weights: Float64Array;
  /** completed epochs */
  epoch: number;
  /** examples already visited in the epoch under way (sequential mode) */
  position: number;
  /** example-updates since the document was loaded */
  updates: number;
  /** over the training examples (every example not marked test) */
  error: number;
  meanError: number;
  accuracy: number;
  meanSquaredError: number;
  /** over the test examples, measured apart; null when there are none */
  test: Metrics | null;
  /** λ Σ|w| or λ Σ w² over the regularised edges (E_reg = E + penalty); 0 without a regulariser */
  penalty: number;
  /** momentum's v per edge (doc.edges order), null when momentum is off */
  velocities: Float64Array | null;
  /** example-updates per second while running; 0 when paused */
  rate: number;
  running: boolean;
  /** what ran the arithmetic: the engine's WebAssembly kernel or its pure passes */
  backend: 'wasm' | 'js';
  /** why the pure engine runs rather than the kernel (the option the kernel does not compute), or null */
  engineReason: string | null;
  /** new loss-chart points since the previous snapshot */
  history: HistoryPoint[];
  /** every output pinned at a bound with σ′ ≈ 0 and some example wrong: training cannot move (saturation.ts) */
  saturated: boolean;
}

export interface Divergence {
  /** completed epochs when it happened (the failing step was in epoch `epoch + 1`) */
  epoch: number;
  /** 1-based example within the epoch, or null for a batch or mini-batch update */
  example: number | null;
  /** 1-based mini-batch update within the epoch (minibatch mode), else absent */
  batch?: number;
  /** 1-based count of updates since the document was loaded */
  update: number;
  /** the weight that left the bounds, or null when the error E itself became non-finite */
  edgeId: string | null;
  value: number;
  /**
   * the weights before the failing update had an E blowing up (engine/divergence.ts, isBlowingUp):
   * the last good ones came back instead, from here (the readout's epoch and position, and their E);
   * absent: the weights before the failing update were good and stayed
   */
  restored?: { epoch: number; position: number; error: number };
}

export type FromWorker =
  | { type: 'snapshot'; snapshot: Snapshot }
  /**
   * the running weights (doc.edges order) while a snapshot waits to be shown: what follows the
   * weights at its own pace (the maps, the edges' strokes) need not wait for the numbers
   */
  | { type: 'weights'; generation: number; weights: Float64Array }
  | { type: 'diverged'; snapshot: Snapshot; divergence: Divergence }
  | { type: 'failed'; generation: number; message: string };
