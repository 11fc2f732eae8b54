// A plain hand-written typed-array CSR loop: what a careful programmer writes without a kernel —
// sequential SGD over the compiled net's arrays, sigmoid through Math.exp, backward by deltas in
// reverse topological order. The command line's train path must be ≥ 2× this.

import { compile, KIND_INPUT, KIND_NEURON, type Example, type GraphDoc } from '../src/engine';
import { ACT_SIGMOID } from '../src/engine/activation';

export function plainLoop(doc: GraphDoc, examples: readonly Example[], eta: number): () => void {
  const net = compile(doc);
  if (!Array.from(net.act).every((a, k) => net.kind[k] !== KIND_NEURON || a === ACT_SIGMOID)) throw new Error('the plain loop is written for sigmoid nets');
  const { order, kind, feature, inStart, inSrc, inEdge, weights: w, outputNode } = net;
  const z = new Float64Array(net.numNodes);
  const delta = new Float64Array(net.numNodes);
  return () => {
    for (const ex of examples) {
      for (let p = 0; p < order.length; p++) {
        const k = order[p];
        if (kind[k] !== KIND_NEURON) {
          z[k] = kind[k] === KIND_INPUT ? ex.x[feature[k]] : 1;
          continue;
        }
        let s = 0;
        for (let q = inStart[k]; q < inStart[k + 1]; q++) s += z[inSrc[q]] * w[inEdge[q]];
        z[k] = 1 / (1 + Math.exp(-s));
      }
      delta.fill(0);
      for (let o = 0; o < outputNode.length; o++) delta[outputNode[o]] = 2 * (z[outputNode[o]] - ex.y[o]); // ∂E/∂z_o
      for (let p = order.length - 1; p >= 0; p--) {
        const k = order[p];
        if (kind[k] !== KIND_NEURON) continue;
        const d = delta[k] * z[k] * (1 - z[k]); // ∂E/∂s_k
        for (let q = inStart[k]; q < inStart[k + 1]; q++) {
          const e = inEdge[q];
          delta[inSrc[q]] += d * w[e]; // at the old weight, used once
          w[e] -= eta * d * z[inSrc[q]];
        }
      }
    }
  };
}
