import { backward, forward, KIND_NEURON, type GraphDoc, type Net } from '../../../engine';
import type { EdgeLive, NodeLive } from '../store/live';

export interface LiveValues {
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  outputs: number[];
  error: number | null;
}

/**
 * one forward and one backward pass of example `index` with the engine; null when impossible.
 * The weights are the document's, or training's shown weights while it runs (fresher).
 */
export function computeLive(
  doc: GraphDoc,
  index: number,
  netFor: (doc: GraphDoc) => Net | null,
  shownWeightsFor: (count: number) => Float64Array | null = () => null,
): LiveValues | null {
  const ex = doc.dataset.examples[index];
  if (!ex) return null;
  const net = netFor(doc);
  if (!net) return null;
  const shown = shownWeightsFor(net.numEdges);
  if (shown) net.weights.set(shown);
  forward(net, ex.x);
  const error = net.numOutputs > 0 ? backward(net, ex.y) : null;
  return readValues(net, error);
}

function readValues(net: Net, error: number | null): LiveValues {
  const { nodeIds, numNodes, numOutputs } = net;
  const nodes: Record<string, NodeLive> = {};
  for (let k = 0; k < numNodes; k++) {
    if (net.kind[k] !== KIND_NEURON) {
      nodes[nodeIds[k]] = { z: net.z[k] };
      continue;
    }
    const dhds: number[] = [];
    for (let o = 0; o < numOutputs; o++) dhds.push(net.dhds[o * numNodes + k]);
    nodes[nodeIds[k]] = error === null ? { z: net.z[k], s: net.s[k] } : { z: net.z[k], s: net.s[k], dhds, dEds: net.dEds[k] };
  }
  const edges: Record<string, EdgeLive> = {};
  if (error !== null) for (let e = 0; e < net.numEdges; e++) edges[net.edgeIds[e]] = { grad: net.grad[e] };
  const outputs = Array.from(net.outputNode, (k) => net.z[k]);
  return { nodes, edges, outputs, error };
}
