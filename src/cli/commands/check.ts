import type { ParsedArgs } from '../args';
import type { Output } from '../io';
import { readGraphFile } from '../files';
import { plural } from '../format';

/** exit 0 and one line: nodes, edges, outputs, examples */
export function checkCommand(args: ParsedArgs, io: Output): number {
  const doc = readGraphFile(args.file);
  const neurons = doc.nodes.filter((n) => n.type === 'neuron');
  const outputs = neurons.filter((n) => n.type === 'neuron' && n.output !== undefined).length;
  io.out(
    `ok: ${args.file}: ${plural(doc.nodes.length, 'node')} (${plural(neurons.length, 'neuron')}), ` +
      `${plural(doc.edges.length, 'edge')}, ${plural(outputs, 'output')}, ${plural(doc.dataset.examples.length, 'example')}\n`,
  );
  return 0;
}
