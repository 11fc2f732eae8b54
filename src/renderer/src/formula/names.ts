import type { GraphDoc } from '../../../engine';

/** a node as people see it on the canvas: its label, else its id */
export function nodeName(doc: GraphDoc, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  return node?.label && node.type !== 'bias' ? node.label : id;
}

/** "in_x → 1" */
export function edgeName(doc: GraphDoc, edgeId: string): string {
  const edge = doc.edges.find((e) => e.id === edgeId);
  return edge ? `${nodeName(doc, edge.source)} → ${nodeName(doc, edge.target)}` : edgeId;
}
