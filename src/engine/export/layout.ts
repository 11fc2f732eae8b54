// Where each node is drawn: the file's positions when every node has one, else columns by longest
// path from the inputs (inputs and biases in column 0), nodes stacked in file order within a column.

import type { GraphDoc } from '../format/types';
import { compile } from '../compile';

export interface Point {
  x: number;
  y: number;
}

const COLUMN = 250;
const ROW = 120;

export function nodePositions(doc: GraphDoc): Map<string, Point> {
  if (doc.nodes.every((n) => n.position)) return new Map(doc.nodes.map((n) => [n.id, { x: n.position!.x, y: n.position!.y }]));
  const net = compile(doc);
  const depth = new Int32Array(net.numNodes);
  for (const k of net.order) {
    for (let q = net.inStart[k]; q < net.inStart[k + 1]; q++) depth[k] = Math.max(depth[k], depth[net.inSrc[q]] + 1); // longest path from a source
  }
  const rows = new Map<number, number>();
  return new Map(
    doc.nodes.map((node, k) => {
      const row = rows.get(depth[k]) ?? 0;
      rows.set(depth[k], row + 1);
      return [node.id, { x: depth[k] * COLUMN, y: row * ROW }];
    }),
  );
}
