import { createStore } from 'zustand/vanilla';

// Which neuron the "explode neuron" view shows, or null when it is closed.

export interface ExplodeState {
  nodeId: string | null;
}

export function createExplodeStore() {
  const store = createStore<ExplodeState>(() => ({ nodeId: null }));
  return {
    ...store,
    open: (nodeId: string) => store.setState({ nodeId }),
    close: () => store.setState({ nodeId: null }),
  };
}

export type ExplodeStore = ReturnType<typeof createExplodeStore>;
