import { createStore } from 'zustand/vanilla';
import type { GridSpec } from './maps';

// The latest finished maps, keyed by node id, for the plot and every neuron's thumbnail. Each
// publish replaces the arrays, so a subscriber to one node's map re-renders when it changes.

export interface MapsState {
  spec: GridSpec | null;
  values: Readonly<Record<string, Float32Array>>;
}

export function createMaps() {
  const store = createStore<MapsState>(() => ({ spec: null, values: {} }));
  return Object.assign(store, {
    publish: (spec: GridSpec | null, values: Record<string, Float32Array>) => store.setState({ spec, values }),
  });
}

export type Maps = ReturnType<typeof createMaps>;
