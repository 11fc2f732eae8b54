// The decision map: the engine's forward pass over a grid of the plane (features 0 and 1), the
// first output h_0 at each cell's centre.

import { compile, KIND_INPUT } from '../compile';
import { forward } from '../pass';
import { midpoint } from '../activation';
import type { GraphDoc } from '../format/types';

export interface DecisionMap {
  /** cells per side */
  size: number;
  x: [number, number];
  y: [number, number];
  /** h_0 at cell (i, j) at [j·size + i]; row j = 0 is the top (largest y) */
  values: Float64Array;
  /** where h_0 turns from low to high (the output activation's midpoint) */
  midpoint: number;
  /** activation of the output neuron */
  activation: number;
}

/** null when the graph has no output or its inputs are not the plane's two coordinates */
export function decisionMap(doc: GraphDoc, size = 60): DecisionMap | null {
  const net = compile(doc);
  if (net.numOutputs === 0) return null;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT && net.feature[k] > 1) return null;
  const domain = doc.dataset.domain ?? { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
  const values = new Float64Array(size * size);
  const point = [0, 0];
  const out = net.outputNode[0];
  for (let j = 0; j < size; j++) {
    point[1] = domain.y[1] - ((j + 0.5) / size) * (domain.y[1] - domain.y[0]);
    for (let i = 0; i < size; i++) {
      point[0] = domain.x[0] + ((i + 0.5) / size) * (domain.x[1] - domain.x[0]);
      forward(net, point);
      values[j * size + i] = net.z[out];
    }
  }
  return { size, x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]], values, midpoint: midpoint(net.act[out]), activation: net.act[out] };
}
