import { create } from 'zustand';
import type { GridSpec } from './maps';

// The latest finished maps, keyed by node id, for the plot and every neuron's thumbnail. Each
// publish replaces the arrays, so a subscriber to one node's map re-renders when it changes.

export interface MapsState {
  spec: GridSpec | null;
  values: Readonly<Record<string, Float32Array>>;
}

export const useMaps = create<MapsState>(() => ({ spec: null, values: {} }));

export function publishMaps(spec: GridSpec | null, values: Record<string, Float32Array>): void {
  useMaps.setState({ spec, values });
}
