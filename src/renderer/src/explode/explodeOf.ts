// The exploded neuron for the document and the example in hand: one pass of the engine read out
// (readout.ts), or the reason there is nothing to draw.

import { readPass, trainingOptions, type GraphDoc } from '../../../engine';
import type { NetCache } from '../studio/netCache';
import { explodeNeuron, type ExplodedNeuron } from './explodeModel';

export type ExplodeResult = { ok: true; neuron: ExplodedNeuron; example: number } | { ok: false; reason: string };

export function explodeOf(nets: NetCache, doc: GraphDoc, exampleIndex: number | null, nodeId: string): ExplodeResult {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined || node.type !== 'neuron') return { ok: false, reason: 'Only a neuron can be exploded: it is the one with ×, + and σ inside.' };
  if (exampleIndex === null || doc.dataset.examples[exampleIndex] === undefined) return { ok: false, reason: 'Add an example first: the values are those of the example in hand.' };
  const crossEntropy = trainingOptions(doc.training).loss === 'crossEntropy';
  if (crossEntropy && node.activation === 'softmax' && node.output !== undefined)
    return {
      ok: false,
      reason: 'A softmax output’s h depends on every output’s s, so it cannot be taken apart alone. Explode a neuron before the outputs, or step through the example: there ∂E/∂s = h − y at each output.',
    };
  if (!doc.nodes.some((n) => n.type === 'neuron' && n.output !== undefined)) return { ok: false, reason: 'The graph has no output neuron yet, so there is no error E to take gradients of.' };
  const example = doc.dataset.examples[exampleIndex];
  const net = nets.netFor(doc);
  if (net === null) return { ok: false, reason: 'The graph cannot be computed: it breaks a graph rule (the canvas names it).' };
  const readout = readPass(net, example);
  const o = node.output;
  const out = readout.outputs.find((x) => x.nodeId === nodeId);
  const direct = o === undefined || out === undefined ? 0 : dEdh(out.h, example.y[o], crossEntropy);
  if (!Number.isFinite(direct))
    return { ok: false, reason: `h is exactly ${out?.h} here, where cross-entropy’s ∂E/∂h = (h − y)/(h(1 − h)) is infinite; its ∂E/∂s = h − y is in the step-through.` };
  const names = new Map(doc.nodes.map((n) => [n.id, n.label ?? n.id]));
  const neuron = explodeNeuron(readout, nodeId, { name: (id) => names.get(id) ?? id, activation: node.activation, direct });
  return neuron === null ? { ok: false, reason: 'This neuron is not in the pass.' } : { ok: true, neuron, example: exampleIndex };
}

/** ∂E_i/∂h at an output: 2(h − y) for the squared error; for cross-entropy on a sigmoid output, ∂/∂h of −[y ln h + (1 − y) ln(1 − h)] */
export function dEdh(h: number, y: number, crossEntropy: boolean): number {
  return crossEntropy ? (h - y) / (h * (1 - h)) : 2 * (h - y);
}
