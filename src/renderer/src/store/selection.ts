import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentStore } from './document';

// What is selected on the canvas: node and edge ids. Not part of the document and not in the
// undo history; ids that the document no longer holds drop out by themselves.

export interface SelectionState {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

const EMPTY: readonly string[] = [];

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export const selectSelectedNodeIds = (s: SelectionState): readonly string[] => s.nodeIds;
export const selectSelectedEdgeIds = (s: SelectionState): readonly string[] => s.edgeIds;
export const selectIsEmpty = (s: SelectionState): boolean => s.nodeIds.length === 0 && s.edgeIds.length === 0;

export function createSelection(document: Pick<DocumentStore, 'getState' | 'subscribe'>) {
  const store: StoreApi<SelectionState> = createStore<SelectionState>(() => ({ nodeIds: EMPTY, edgeIds: EMPTY }));

  function select(nodeIds: readonly string[], edgeIds: readonly string[] = EMPTY): void {
    const s = store.getState();
    store.setState({
      nodeIds: sameIds(s.nodeIds, nodeIds) ? s.nodeIds : [...nodeIds],
      edgeIds: sameIds(s.edgeIds, edgeIds) ? s.edgeIds : [...edgeIds],
    });
  }

  function selectAll(): void {
    const { doc } = document.getState();
    select(
      doc.nodes.map((n) => n.id),
      doc.edges.map((e) => e.id),
    );
  }

  /** adds or removes one element (shift-click) */
  function toggleSelected(kind: 'node' | 'edge', id: string): void {
    const s = store.getState();
    const list = kind === 'node' ? s.nodeIds : s.edgeIds;
    const next = list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
    if (kind === 'node') select(next, s.edgeIds);
    else select(s.nodeIds, next);
  }

  // Prune ids of deleted elements whenever the graph changes (undo, delete, load).
  const stop = document.subscribe((state, prev) => {
    if (state.doc.nodes === prev.doc.nodes && state.doc.edges === prev.doc.edges) return;
    const s = store.getState();
    if (s.nodeIds.length === 0 && s.edgeIds.length === 0) return;
    const nodes = new Set(state.doc.nodes.map((n) => n.id));
    const edges = new Set(state.doc.edges.map((e) => e.id));
    select(
      s.nodeIds.filter((id) => nodes.has(id)),
      s.edgeIds.filter((id) => edges.has(id)),
    );
  });

  return Object.assign(store, {
    select,
    clearSelection: () => select(EMPTY, EMPTY),
    selectAll,
    toggleSelected,
    stop,
  });
}

export type Selection = ReturnType<typeof createSelection>;
