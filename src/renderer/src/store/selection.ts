import { create } from 'zustand';
import { useDocument } from './document';

// What is selected on the canvas: node and edge ids. Not part of the document and not in the
// undo history; ids that the document no longer holds drop out by themselves.

export interface SelectionState {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

const EMPTY: readonly string[] = [];

export const useSelection = create<SelectionState>(() => ({ nodeIds: EMPTY, edgeIds: EMPTY }));

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export function select(nodeIds: readonly string[], edgeIds: readonly string[] = EMPTY): void {
  const s = useSelection.getState();
  useSelection.setState({
    nodeIds: sameIds(s.nodeIds, nodeIds) ? s.nodeIds : [...nodeIds],
    edgeIds: sameIds(s.edgeIds, edgeIds) ? s.edgeIds : [...edgeIds],
  });
}

export function clearSelection(): void {
  select(EMPTY, EMPTY);
}

export function selectAll(): void {
  const { doc } = useDocument.getState();
  select(
    doc.nodes.map((n) => n.id),
    doc.edges.map((e) => e.id),
  );
}

/** adds or removes one element (shift-click) */
export function toggleSelected(kind: 'node' | 'edge', id: string): void {
  const s = useSelection.getState();
  const list = kind === 'node' ? s.nodeIds : s.edgeIds;
  const next = list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  if (kind === 'node') select(next, s.edgeIds);
  else select(s.nodeIds, next);
}

export const selectSelectedNodeIds = (s: SelectionState): readonly string[] => s.nodeIds;
export const selectSelectedEdgeIds = (s: SelectionState): readonly string[] => s.edgeIds;
export const selectIsEmpty = (s: SelectionState): boolean => s.nodeIds.length === 0 && s.edgeIds.length === 0;

// Prune ids of deleted elements whenever the graph changes (undo, delete, load).
useDocument.subscribe((state, prev) => {
  if (state.doc.nodes === prev.doc.nodes && state.doc.edges === prev.doc.edges) return;
  const s = useSelection.getState();
  if (s.nodeIds.length === 0 && s.edgeIds.length === 0) return;
  const nodes = new Set(state.doc.nodes.map((n) => n.id));
  const edges = new Set(state.doc.edges.map((e) => e.id));
  select(
    s.nodeIds.filter((id) => nodes.has(id)),
    s.edgeIds.filter((id) => edges.has(id)),
  );
});
