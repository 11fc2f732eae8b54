import { trace, type GraphDoc, type TraceResult } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile } from '../files';
import { CliError } from '../errors';
import { json, num, table } from '../format';

export async function traceCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  const index = args.example!;
  const n = doc.dataset.examples.length;
  if (index >= n) {
    throw new CliError(`example ${index} does not exist: ${file} has ${n} example${n === 1 ? '' : 's'}${n > 0 ? ` (0..${n - 1})` : ''}`);
  }
  const result = trace(doc, index);
  io.out(args.json ? json(result) : traceTable(result, doc, index));
  return 0;
}

/** ids of the output neurons in output-index order (object keys would put numeric ids first) */
function outputIdsOf(doc: GraphDoc): string[] {
  const ids: string[] = [];
  for (const node of doc.nodes) if (node.type === 'neuron' && node.output !== undefined) ids[node.output] = node.id;
  return ids;
}

function traceTable(result: TraceResult, doc: GraphDoc, index: number): string {
  const example = doc.dataset.examples[index];
  const outputOrder = outputIdsOf(doc);
  const nodeRows = result.order.map((id) => {
    const node = result.nodes[id];
    if (!('dhds' in node)) return [id, '', num(node.z), ...outputOrder.map(() => ''), ''];
    return [id, num(node.s), num(node.z), ...outputOrder.map((o) => num(node.dhds[o])), num(node.dEds)];
  });
  const edgeRows = doc.edges.map(({ id }) => [id, num(result.edges[id].weight), num(result.edges[id].grad)]);
  return (
    `example ${index}: x = [${example.x.map(num).join(', ')}]   y = [${example.y.map(num).join(', ')}]\n\n` +
    table(['node', 's', 'z', ...outputOrder.map((o) => `∂h[${o}]/∂s`), '∂E/∂s'], nodeRows) +
    '\n' +
    table(['edge', 'weight', '∂E/∂w'], edgeRows) +
    `\nh = [${result.outputs.map(num).join(', ')}]   E_i = ${num(result.error)}\n`
  );
}
