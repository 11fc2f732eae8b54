import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeGraph, type GraphDoc } from '../../engine';
import { parseSequential } from '../../engine/export';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { resolveUserPath, writeFileAtomic } from '../files';
import { CliError, inFile } from '../errors';
import { plural } from '../format';

/** nn.Sequential JSON (from sequential_to_json.py) → a graph file the studio opens */
export async function importCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  let text: string;
  try {
    text = fs.readFileSync(resolveUserPath(file), 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  let doc: GraphDoc;
  try {
    doc = parseSequential(text, path.basename(file).replace(/\.json$/i, ''));
  } catch (err) {
    throw inFile(file, err);
  }
  const written = writeGraph(doc); // what we write, the studio's own reader accepts
  if (!written.ok) throw written.error;
  writeFileAtomic(args.out!, written.text);
  const neurons = doc.nodes.filter((n) => n.type === 'neuron').length;
  io.out(`imported ${file}: ${plural(neurons, 'neuron')}, ${plural(doc.edges.length, 'edge')}, written to ${args.out}\n`);
  return 0;
}
