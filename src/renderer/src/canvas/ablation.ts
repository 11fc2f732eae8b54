import type { GraphDoc, GraphEdge, GraphNode } from '../../../engine/format/types';
import type { DocumentStore } from '../store/document';
import type { Selection } from '../store/selection';
import type { Notices } from '../store/notices';

// Ablation on the canvas: switch a neuron, an input or an edge off without deleting it (its
// z = 0, an edge contributes 0; neither is trained) and back on. One command (O, the context
// menu, the inspector) switches the selection: off, unless all of it is off already.

/** how an edge is drawn: on, off itself (dashed), or frozen because a node at one of its ends is off (dimmed) */
export type EdgeAblation = 'on' | 'off' | 'frozen';

/** the edge's state given the ids of the nodes that are off */
export function edgeAblation(edge: Pick<GraphEdge, 'source' | 'target' | 'off'>, offNodes: ReadonlySet<string>): EdgeAblation {
  if (edge.off === true) return 'off';
  return offNodes.has(edge.source) || offNodes.has(edge.target) ? 'frozen' : 'on';
}

/** the ids of the nodes that are off */
export function offNodeIds(nodes: readonly GraphNode[]): ReadonlySet<string> {
  return new Set(nodes.filter((n) => n.off === true).map((n) => n.id));
}

/** output neurons cannot be switched off (graph-format.md, "Ablation") */
export function canSwitchOff(node: GraphNode): boolean {
  return !(node.type === 'neuron' && node.output !== undefined);
}

/** what the command does to these elements: switch them off, unless every one is off already (then on) */
export function toggleTarget(doc: GraphDoc, nodeIds: readonly string[], edgeIds: readonly string[]): { nodeIds: string[]; edgeIds: string[]; off: boolean } {
  const nodeSet = new Set(nodeIds);
  const edgeSet = new Set(edgeIds);
  const nodes = doc.nodes.filter((n) => nodeSet.has(n.id) && canSwitchOff(n));
  const edges = doc.edges.filter((e) => edgeSet.has(e.id));
  const allOff = [...nodes, ...edges].every((x) => x.off === true);
  return { nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id), off: !allOff };
}

export interface AblationDeps {
  document: Pick<DocumentStore, 'getState' | 'setOff'>;
  selection: Pick<Selection, 'getState'>;
  notices: Pick<Notices, 'notify'>;
}

/** the 'edit.toggleOff' command: the selection off (or on), as one undo step; says why when nothing can be */
export function toggleOffSelection({ document, selection, notices }: AblationDeps): void {
  const { nodeIds, edgeIds } = selection.getState();
  if (nodeIds.length === 0 && edgeIds.length === 0) {
    notices.notify('Select a neuron or an edge to switch it off.', 'info');
    return;
  }
  const target = toggleTarget(document.getState().doc, nodeIds, edgeIds);
  if (target.nodeIds.length === 0 && target.edgeIds.length === 0) {
    notices.notify('An output neuron cannot be switched off: it is what the network answers.', 'info');
    return;
  }
  document.setOff(target.nodeIds, target.edgeIds, target.off);
}
