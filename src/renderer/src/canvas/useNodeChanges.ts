import { useCallback } from 'react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Position } from '../../../engine';
import { moveNodes } from '../store/document';
import { select, useSelection } from '../store/selection';
import type { FlowEdge, FlowNode } from './flowTypes';

// React Flow reports drags, measurements and selection as changes: drags go to the document
// (no history while dragging, one entry at the drop), sizes to the view, selection to its store.
// Removal is not taken from here: Delete runs the edit.delete command.
export function useNodeChanges(setSize: (id: string, size: { width: number; height: number }) => void) {
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moved: Record<string, Position> = {};
      let dropped = false;
      let anyMove = false;
      let selectionChanged = false;
      const sel = new Set(useSelection.getState().nodeIds);
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          moved[c.id] = c.position;
          anyMove = true;
          if (!c.dragging) dropped = true;
        } else if (c.type === 'position' && c.dragging === false) {
          dropped = true;
        } else if (c.type === 'dimensions' && c.dimensions) {
          setSize(c.id, c.dimensions);
        } else if (c.type === 'select') {
          selectionChanged = true;
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (anyMove || dropped) moveNodes(moved, { history: dropped });
      if (selectionChanged) select([...sel], useSelection.getState().edgeIds);
    },
    [setSize],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const sel = new Set(useSelection.getState().edgeIds);
    let changed = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      changed = true;
      if (c.selected) sel.add(c.id);
      else sel.delete(c.id);
    }
    if (changed) select(useSelection.getState().nodeIds, [...sel]);
  }, []);

  return { onNodesChange, onEdgesChange };
}
