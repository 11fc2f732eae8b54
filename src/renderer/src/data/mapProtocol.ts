import type { GraphDoc } from '../../../engine/format/types';
import type { GridSpec } from './maps';

// Messages between the map scheduler and the map worker. One request is in flight at a time;
// arrays of a map no longer shown travel back to be written over (no 8 MB of garbage per pass).

export type ToMapWorker = {
  id: number;
  /** the document whose topology the weights belong to: sent when its topology changes, else null */
  doc: GraphDoc | null;
  /** which topology (the scheduler's cache key) */
  key: string;
  weights: Float64Array;
  spec: GridSpec;
  reuse: Float32Array[];
};

export type FromMapWorker =
  /** ms: how long the grid pass took in the worker */
  | { id: number; ok: true; nodeIds: readonly string[]; values: Float32Array[]; ms: number }
  | { id: number; ok: false; message: string };

/** the buffers behind `arrays`, each once (views of one buffer transfer it once) */
export function buffersOf(arrays: readonly Float32Array[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
