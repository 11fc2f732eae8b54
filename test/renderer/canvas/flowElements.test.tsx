// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adoptUserNodes, getNodesInside, type InternalNodeBase, type NodeBase } from '@xyflow/system';
import type { GraphDoc, GraphEdge, GraphNode } from '../../../src/engine';
import { layeredDoc } from '../../../src/renderer/src/templates/layered';
import type { FlowEdge, FlowNode } from '../../../src/renderer/src/canvas/flowTypes';
import { useFlowElements } from '../../../src/renderer/src/canvas/useFlowElements';
import { world } from '../predict/world';

// What React Flow renders of a big graph: only the nodes in view (onlyRenderVisibleElements), but
// React Flow renders every node it has no handle bounds for, to measure it. Opening a 2,000-node
// file mounted all 2,000 nodes and unmounted all but the dozen in view; an unmeasured node of a
// big graph now carries an estimated size and handles. Counted with React Flow's own functions.

/** 2,000 nodes (the bias, two inputs, a chain of 1,997 neurons, each with its bias) on a grid of 20 rows, as bench:ui's big file */
function bigDoc(): GraphDoc {
  const base = layeredDoc([2, 1]);
  const neurons: GraphNode[] = Array.from({ length: 1997 }, (_, i) => ({ id: `n${i}`, type: 'neuron', activation: 'sigmoid', ...(i === 1996 ? { output: 0 } : {}) }));
  const nodes = [...base.nodes.filter((n) => n.type !== 'neuron'), ...neurons].map((n, i) => ({ ...n, position: { x: 40 + Math.floor(i / 20) * 200, y: (i % 20) * 80 } }));
  const edge = (source: string, target: string): GraphEdge => ({ id: `${source}->${target}`, source, target, weight: 0.1 });
  const edges = neurons.flatMap((n, i) => [edge('in_1', n.id), i === 0 ? edge('in_x', n.id) : edge(`n${i - 1}`, n.id)]);
  return { ...base, nodes, edges };
}

let w = world(bigDoc());
afterEach(() => w.done());

function flowNodes(estimate: boolean): { nodes: FlowNode[]; rerender: () => FlowNode[] } {
  const seen: FlowNode[][] = [];
  function Probe() {
    seen.push(useFlowElements(estimate).flowNodes);
    return null;
  }
  w.render(<Probe />);
  return { nodes: seen.at(-1)!, rerender: () => (w.act(() => w.studio.selection.select([seen.at(-1)![5].id])), seen.at(-1)!) };
}

/** the nodes React Flow renders in a 1,440 × 900 pane at zoom 1, its top-left at the flow's origin */
function rendered(nodes: FlowNode[]): number {
  const lookup = new Map<string, InternalNodeBase>();
  adoptUserNodes(nodes as NodeBase[], lookup, new Map(), { checkEquality: true });
  return getNodesInside(lookup, { x: 0, y: 0, width: 1440, height: 900 }, [0, 0, 1], true).length;
}

describe('a big graph on the canvas', () => {
  it('renders only the nodes in view when it opens, none it must measure first', () => {
    w = world(bigDoc());
    const { nodes } = flowNodes(true);
    expect(nodes).toHaveLength(2000);
    // 7 columns of 11 or 12 lie wholly in view (columns 200 apart, rows 80): the rest wait until they are scrolled to
    const count = rendered(nodes);
    expect(count).toBeGreaterThanOrEqual(7 * 11);
    expect(count).toBeLessThanOrEqual(8 * 12);
  });

  it('without the estimates React Flow would render every node (what the count above guards against)', () => {
    w = world(bigDoc());
    expect(rendered(flowNodes(false).nodes)).toBe(2000);
  });

  it('keeps every unmeasured node the same object when another is selected', () => {
    w = world(bigDoc());
    const { nodes, rerender } = flowNodes(true);
    const next = rerender();
    const changed = next.filter((n, i) => n !== nodes[i]).map((n) => n.id);
    expect(changed).toEqual([nodes[5].id]);
    expect(next[5].selected).toBe(true);
  });
});

describe("a big graph's edges on their canvas", () => {
  function flowEdges(onCanvas: boolean, hovered: string | null = null): () => FlowEdge[] {
    const seen: FlowEdge[][] = [];
    function Probe() {
      seen.push(useFlowElements(true, onCanvas, hovered).flowEdges);
      return null;
    }
    w.render(<Probe />);
    return () => seen.at(-1)!;
  }

  it('hands React Flow no edge until one is highlighted (every edge is a component otherwise)', () => {
    w = world(bigDoc());
    expect(flowEdges(false)()).toHaveLength(3994);
    w.done();
    w = world(bigDoc());
    expect(flowEdges(true)()).toEqual([]);
  });

  it('hands over the selected and the hovered edge, the hovered one marked so', () => {
    w = world(bigDoc());
    const latest = flowEdges(true, 'n1->n2');
    w.act(() => w.studio.selection.select([], ['in_1->n7']));
    const edges = latest();
    // in the document's order: n2's edges come before n7's
    expect(edges.map((e) => [e.id, e.selected, e.data?.hovered ?? false])).toEqual([
      ['n1->n2', false, true],
      ['in_1->n7', true, false],
    ]);
  });
});
