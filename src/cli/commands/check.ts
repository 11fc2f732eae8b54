import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile } from '../files';
import { plural } from '../format';
import { eachFile } from '../eachFile';

/** one line per file: nodes, edges, outputs, examples, or what is wrong with it */
export function checkCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  return eachFile(args.files, io, (file) => {
    const doc = readGraphFile(file);
    const neurons = doc.nodes.filter((n) => n.type === 'neuron');
    const outputs = neurons.filter((n) => n.type === 'neuron' && n.output !== undefined).length;
    io.out(
      `ok: ${file}: ${plural(doc.nodes.length, 'node')} (${plural(neurons.length, 'neuron')}), ` +
        `${plural(doc.edges.length, 'edge')}, ${plural(outputs, 'output')}, ${plural(doc.dataset.examples.length, 'example')}\n`,
    );
  });
}
