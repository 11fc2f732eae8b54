// The decision map: the engine's forward pass over a grid of the plane (features 0 and 1). With
// k classes (arg-max outputs) each cell is the winning output and its h; for a regression, h_0
// itself on a continuous scale; otherwise h_0 against its activation's midpoint.

import { compile, KIND_INPUT, type Net } from '../compile';
import { forward } from '../pass';
import { midpoint } from '../activation';
import type { GraphDoc } from '../format/types';

/** 'midpoint': h_0 low/high; 'classes': the winning output of m ≥ 2; 'regression': h_0 as a value */
export type MapKind = 'midpoint' | 'classes' | 'regression';

export interface DecisionMap {
  kind: MapKind;
  /** cells per side */
  size: number;
  x: [number, number];
  y: [number, number];
  /** h_0 (classes: h of the winning output) at cell (i, j) at [j·size + i]; row j = 0 is the top (largest y) */
  values: Float64Array;
  /** classes: the lowest index of the largest h_o per cell (0 otherwise) */
  winner: Int32Array;
  /** where h_0 turns from low to high (the output activation's midpoint) */
  midpoint: number;
  /** activation of the output neuron */
  activation: number;
  /** regression: the values the colour scale spans (the targets' and the map's least and largest) */
  range: [number, number];
}

/** the lowest index of the largest h_o, h_o = z of output o */
export function winningOutput(net: Net): number {
  let best = 0;
  for (let o = 1; o < net.numOutputs; o++) if (net.z[net.outputNode[o]] > net.z[net.outputNode[best]]) best = o;
  return best;
}

function mapKind(net: Net): MapKind {
  if (net.regression) return 'regression';
  return net.argmaxAccuracy && net.numOutputs >= 2 ? 'classes' : 'midpoint';
}

function valueRange(doc: GraphDoc, values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  for (const ex of doc.dataset.examples) [lo, hi] = [Math.min(lo, ex.y[0]), Math.max(hi, ex.y[0])];
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

/** null when the graph has no output or its inputs are not the plane's two coordinates */
export function decisionMap(doc: GraphDoc, size = 60): DecisionMap | null {
  const net = compile(doc);
  if (net.numOutputs === 0) return null;
  for (let k = 0; k < net.numNodes; k++) if (net.kind[k] === KIND_INPUT && (net.feature[k] > 1 || net.times[k] > 1)) return null;
  const kind = mapKind(net);
  const domain = doc.dataset.domain ?? { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
  const values = new Float64Array(size * size);
  const winner = new Int32Array(size * size);
  const point = [0, 0];
  for (let j = 0; j < size; j++) {
    point[1] = domain.y[1] - ((j + 0.5) / size) * (domain.y[1] - domain.y[0]);
    for (let i = 0; i < size; i++) {
      point[0] = domain.x[0] + ((i + 0.5) / size) * (domain.x[1] - domain.x[0]);
      forward(net, point);
      const o = kind === 'classes' ? winningOutput(net) : 0;
      winner[j * size + i] = o;
      values[j * size + i] = net.z[net.outputNode[o]];
    }
  }
  const out = net.outputNode[0];
  return {
    kind,
    size,
    x: [domain.x[0], domain.x[1]],
    y: [domain.y[0], domain.y[1]],
    values,
    winner,
    midpoint: midpoint(net.act[out]),
    activation: net.act[out],
    range: kind === 'regression' ? valueRange(doc, values) : [0, 1],
  };
}
