import type { GraphDoc } from '../../../engine';

// Which layout a graph gets. ELK's layered algorithm draws the nicest pictures but its time grows
// fast with the graph: measured here (elkjs 0.12, node 20, a shared 2-core machine, random
// layered DAGs with ~4.5 edges per node, warm) 50 nodes / 185 edges 0.3–1.0 s, 100 / 400 0.8–1.5 s,
// 150 / 625 1.7 s, 200 / 855 6.4 s, 400 / 1,800 12.8 s, 800 / 3,700 25.5 s, 1,200 / 5,600 34 s
// (and 154 s for 2,000 / 10,000 in the page). Past ~2 s a person waits for a picture: above the
// limits below the fast layered layout (layeredLayout.ts, tens of ms) places the graph instead.

export const ELK_MAX_NODES = 150;
export const ELK_MAX_EDGES = 600;

export type LayoutMethod = 'elk' | 'layered';

export function layoutMethod(doc: Pick<GraphDoc, 'nodes' | 'edges'>): LayoutMethod {
  return doc.nodes.length <= ELK_MAX_NODES && doc.edges.length <= ELK_MAX_EDGES ? 'elk' : 'layered';
}
