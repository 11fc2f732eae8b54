// The exploded neuron for the document and the example in hand: one pass of the engine read out
// (readout.ts), or the reason there is nothing to draw.

import { compile, readPass, trainingOptions, type GraphDoc } from '../../../engine';
import { explodeNeuron, type ExplodedNeuron } from './explodeModel';

export type ExplodeResult = { ok: true; neuron: ExplodedNeuron; example: number } | { ok: false; reason: string };

export function explodeOf(doc: GraphDoc, exampleIndex: number | null, nodeId: string): ExplodeResult {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined || node.type !== 'neuron') return { ok: false, reason: 'Only a neuron can be exploded: it is the one with ×, + and σ inside.' };
  if (exampleIndex === null || doc.dataset.examples[exampleIndex] === undefined) return { ok: false, reason: 'Add an example first: the values are those of the example in hand.' };
  if (trainingOptions(doc.training).loss !== 'squared') return { ok: false, reason: 'The exploded view writes the squared error E = Σ (h − y)²; this document uses cross-entropy.' };
  if (!doc.nodes.some((n) => n.type === 'neuron' && n.output !== undefined)) return { ok: false, reason: 'The graph has no output neuron yet, so there is no error E to take gradients of.' };
  let readout;
  const example = doc.dataset.examples[exampleIndex];
  try {
    readout = readPass(compile(doc), example);
  } catch (err) {
    return { ok: false, reason: `The graph cannot be computed: ${err instanceof Error ? err.message : String(err)}` };
  }
  const o = node.output;
  const out = readout.outputs.find((x) => x.nodeId === nodeId);
  const names = new Map(doc.nodes.map((n) => [n.id, n.label ?? n.id]));
  const neuron = explodeNeuron(readout, nodeId, {
    name: (id) => names.get(id) ?? id,
    activation: node.activation,
    direct: o === undefined || out === undefined ? 0 : 2 * (out.h - example.y[o]),
  });
  return neuron === null ? { ok: false, reason: 'This neuron is not in the pass.' } : { ok: true, neuron, example: exampleIndex };
}
