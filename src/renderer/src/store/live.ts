import { createStore } from 'zustand/vanilla';

// Live values for the example in hand, kept apart from the document and keyed by id, so a node
// re-renders only when its own numbers change (publishLive keeps unchanged records by identity).

export interface NodeLive {
  /** z_k: x[feature] for inputs, 1 for bias, σ(s_k) for neurons */
  z: number;
  /** s_k = Σ_j z_j w_{j→k} (neurons only) */
  s?: number;
  /** ∂h_o/∂s_k for each output index o (neurons only) */
  dhds?: readonly number[];
  /** ∂E_i/∂s_k = Σ_o 2 (h_o − y_o) ∂h_o/∂s_k (neurons only) */
  dEds?: number;
}

export interface EdgeLive {
  /** ∂E_i/∂w_{j→k} */
  grad: number;
}

/** What the step-through has revealed so far; null means "show everything". */
export interface Reveal {
  /** the node being computed right now (highlighted) */
  current: string | null;
  nodes: Readonly<Record<string, { s?: boolean; z?: boolean; dhds?: boolean }>>;
  edges: Readonly<Record<string, { grad?: boolean; update?: { old: number; next: number } }>>;
  /** whose incoming edges carry their labels unasked in a step over every edge (the rest on hover) */
  labelsFor?: string | null;
}

export interface LiveState {
  /** index into dataset.examples of the example in hand, or null when there is none */
  exampleIndex: number | null;
  /** which output's ∂h/∂s the neurons show when there are several */
  outputIndex: number;
  nodes: Readonly<Record<string, NodeLive>>;
  edges: Readonly<Record<string, EdgeLive>>;
  /** h_o in output-index order, and E_i, for the example in hand */
  outputs: readonly number[];
  error: number | null;
  reveal: Reveal | null;
}

const sameNumbers = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};

const sameNode = (a: NodeLive, b: NodeLive): boolean =>
  Object.is(a.z, b.z) && Object.is(a.s, b.s) && Object.is(a.dEds, b.dEds) && sameNumbers(a.dhds, b.dhds);

/** Keep the previous record object wherever its numbers did not change. */
function reuse<T>(prev: Readonly<Record<string, T>>, next: Record<string, T>, same: (a: T, b: T) => boolean) {
  let changed = Object.keys(prev).length !== Object.keys(next).length;
  for (const id in next) {
    const old = prev[id];
    if (old !== undefined && same(old, next[id])) next[id] = old;
    else changed = true;
  }
  return changed ? next : prev;
}

export interface LiveValuesRecord {
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  outputs: number[];
  error: number | null;
}

export function createLive() {
  const store = createStore<LiveState>(() => ({
    exampleIndex: null,
    outputIndex: 0,
    nodes: {},
    edges: {},
    outputs: [],
    error: null,
    reveal: null,
  }));
  return Object.assign(store, {
    /** new numbers; records whose numbers did not change keep their identity */
    publish(values: LiveValuesRecord): void {
      const prev = store.getState();
      store.setState({
        nodes: reuse(prev.nodes, values.nodes, sameNode),
        edges: reuse(prev.edges, values.edges, (a, b) => Object.is(a.grad, b.grad)),
        outputs: sameNumbers(prev.outputs, values.outputs) ? prev.outputs : values.outputs,
        error: values.error,
      });
    },
    clear: () => store.setState({ nodes: {}, edges: {}, outputs: [], error: null }),
  });
}

export type Live = ReturnType<typeof createLive>;
