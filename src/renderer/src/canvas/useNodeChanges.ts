import { useCallback } from 'react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Position } from '../../../engine';
import type { FlowEdge, FlowNode } from './flowTypes';
import { useStudio } from '../studio/StudioContext';

// React Flow reports drags, measurements and selection as changes: a drag moves the nodes on the
// canvas (dragPositions.ts) and the document at the drop (one undo entry); other moves (the
// keyboard) go to the document at once; sizes to the view, selection to its store.
// Removal is not taken from here: Delete runs the edit.delete command.
export function useNodeChanges(setSize: (id: string, size: { width: number; height: number }) => void) {
  const studio = useStudio();
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moved: Record<string, Position> = {};
      let dropped = false;
      let dragging = false;
      let anyMove = false;
      let selectionChanged = false;
      const sel = new Set(studio.selection.getState().nodeIds);
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          moved[c.id] = c.position;
          anyMove = true;
          if (c.dragging) dragging = true;
          else dropped = true;
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
      if (dropped) studio.document.moveNodes(studio.drag.endDrag(moved), { history: true });
      else if (dragging) studio.drag.dragTo(moved);
      else if (anyMove) studio.document.moveNodes(moved, { history: true });
      if (selectionChanged) studio.selection.select([...sel], studio.selection.getState().edgeIds);
    },
    [studio, setSize],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const sel = new Set(studio.selection.getState().edgeIds);
    let changed = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      changed = true;
      if (c.selected) sel.add(c.id);
      else sel.delete(c.id);
    }
    if (changed) studio.selection.select(studio.selection.getState().nodeIds, [...sel]);
  }, [studio]);

  return { onNodesChange, onEdgesChange };
}
