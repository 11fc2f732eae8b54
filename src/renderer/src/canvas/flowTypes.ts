import type { Edge, Node } from '@xyflow/react';
import type { GraphNode } from '../../../engine/format/types';

// React Flow's view of the document: a node carries its GraphNode (document data only — no
// callbacks, no live values; those come from the stores by id).
export type NodeData = { node: GraphNode };
export type FlowNode = Node<NodeData, GraphNode['type']>;
/**
 * an edge carries whether it is switched off (dashed) or frozen by an off end (dimmed), from the
 * document, and (a big graph's, whose edges are found under the pointer on their canvas) whether
 * it is hovered; its weight is read by id from the document or the shown weights
 */
export type EdgeData = { ablation: 'on' | 'off' | 'frozen'; hovered?: true };
export type FlowEdge = Edge<EdgeData, 'weight'>;

export const GRID: [number, number] = [10, 10];
export const NODE_DRAG_MIME = 'application/x-backprop-node';
