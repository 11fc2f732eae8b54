import { byId, readExample, type GraphDoc, type Net } from '../../../engine';
import type { EdgeLive, NodeLive } from '../store/live';

export interface LiveValues {
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  outputs: number[];
  error: number | null;
}

/**
 * The example in hand's numbers for the canvas: the engine's readout of one forward and one
 * backward pass (src/engine/readout.ts), keyed by id; null when the example does not exist or
 * the graph does not compile. The weights are training's shown ones while it runs (fresher than
 * the document's), else the document's.
 */
export function computeLive(
  doc: GraphDoc,
  index: number,
  netFor: (doc: GraphDoc, weights?: ArrayLike<number> | null) => Net | null,
  shownWeightsFor: (count: number) => Float64Array | null = () => null,
): LiveValues | null {
  const ex = doc.dataset.examples[index];
  if (!ex) return null;
  const net = netFor(doc, shownWeightsFor(doc.edges.length));
  if (!net) return null;
  const r = readExample(net, ex);
  return {
    nodes: byId(r.nodes),
    edges: r.backward ? byId(r.edges) : {},
    outputs: r.outputs.map((o) => o.h),
    error: r.backward ? r.error : null,
  };
}
