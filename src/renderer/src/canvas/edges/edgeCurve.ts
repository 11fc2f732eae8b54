import { getBezierPath, type Position } from '@xyflow/react';
import type { Box } from './edgeLayer';

// An edge's curve, one function for the SVG an edge draws and the canvas a big graph paints
// its edges on: the same ends, snapped, the same Bézier.

/** where an edge's ends are, as React Flow hands them to an edge (or getEdgePosition computes them) */
export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

export interface EdgeCurve {
  /** SVG path data, flow coordinates */
  d: string;
  labelX: number;
  labelY: number;
  /** bounds of the curve and of the pointer's reach around it */
  box: Box;
}

/**
 * an end of a curve to a quarter of a flow pixel: a node's handles move by hundredths of a pixel
 * as its numbers re-measure it while training, and every such move made a new curve (an edge
 * re-rendered, and a big graph's edge canvas repainted)
 */
export const snap = (v: number) => Math.round(v * 4) / 4;

/** an edge's opacity when not selected, on the canvas and in its own SVG alike */
export const EDGE_OPACITY = 0.85;

/** half the width that takes the pointer around a curve (flow pixels), as React Flow's interaction path */
export const EDGE_REACH = 8;

export function edgeCurve(ends: EdgeEnds): EdgeCurve {
  const sourceX = snap(ends.sourceX);
  const sourceY = snap(ends.sourceY);
  const targetX = snap(ends.targetX);
  const targetY = snap(ends.targetY);
  const [d, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition: ends.sourcePosition, targetPosition: ends.targetPosition });
  // the Bézier lies inside its control points' hull; a control point sits at most
  // 0.25·25·√distance beyond its end (React Flow's curvature offset for an edge running backwards)
  const bulge = EDGE_REACH + 6.25 * Math.sqrt(Math.max(Math.abs(targetX - sourceX), Math.abs(targetY - sourceY)));
  const box = {
    x0: Math.min(sourceX, targetX) - bulge,
    y0: Math.min(sourceY, targetY) - bulge,
    x1: Math.max(sourceX, targetX) + bulge,
    y1: Math.max(sourceY, targetY) + bulge,
  };
  return { d, labelX, labelY, box };
}
