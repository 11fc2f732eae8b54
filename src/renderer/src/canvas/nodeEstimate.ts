import { Position, type NodeHandle } from '@xyflow/react';
import type { GraphNode } from '../../../engine/format/types';
import { NODE_SIZE } from '../layout/nodeBoxes';

// A big graph renders only the nodes in view (React Flow's onlyRenderVisibleElements), but React
// Flow renders every node it has no handle bounds for, to measure it: opening a 2,000-node file
// mounted all 2,000 nodes, measured them and unmounted all but the dozen in view. A node not yet
// measured is given its approximate size and handles instead (the target in the middle of its left
// side, the source of its right), so only the nodes in view render; once one renders, React Flow
// measures it and its real size and handles replace these (useFlowElements drops them).

export interface NodeEstimate {
  measured: { width: number; height: number };
  handles: NodeHandle[];
}

/**
 * the estimate for a node of `type`. Its size is off by a quarter pixel on purpose: React Flow
 * re-measures a rendered node's handles only when its measured size differs from the one it has.
 */
function estimateFor(type: GraphNode['type']): NodeEstimate {
  const width = NODE_SIZE[type].w + 0.25;
  const height = NODE_SIZE[type].h + 0.25;
  const middle = height / 2;
  const source: NodeHandle = { id: null, type: 'source', position: Position.Right, x: width - 1, y: middle, width: 1, height: 1 };
  const target: NodeHandle = { id: null, type: 'target', position: Position.Left, x: 0, y: middle, width: 1, height: 1 };
  return { measured: { width, height }, handles: type === 'neuron' ? [target, source] : [source] };
}

/** each node type's estimate, made once (a node keeps its identity while it stays unmeasured) */
export const NODE_ESTIMATES: Record<GraphNode['type'], NodeEstimate> = {
  neuron: estimateFor('neuron'),
  input: estimateFor('input'),
  bias: estimateFor('bias'),
};
