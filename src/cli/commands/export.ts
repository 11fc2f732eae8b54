import * as path from 'node:path';
import type { GraphDoc } from '../../engine';
import { exportNotebook, exportNumpy, exportPytorch, SEQUENTIAL_HELPER, SEQUENTIAL_HELPER_NAME } from '../../engine/export';
import type { ExportTarget, ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile, writeFileAtomic } from '../files';
import { inFile } from '../errors';

const EXPORTERS: Record<ExportTarget, (doc: GraphDoc) => string> = {
  pytorch: exportPytorch,
  numpy: exportNumpy,
  notebook: exportNotebook,
};

/** the program on stdout, or written to --out (a PyTorch export also ships the nn.Sequential helper beside it) */
export async function exportCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  let text: string;
  try {
    text = EXPORTERS[args.to!](doc);
  } catch (err) {
    throw inFile(file, err);
  }
  if (args.out === undefined) {
    io.out(text);
    return 0;
  }
  writeFileAtomic(args.out, text);
  let shipped = '';
  if (args.to !== 'numpy') {
    const helper = path.join(path.dirname(args.out), SEQUENTIAL_HELPER_NAME);
    writeFileAtomic(helper, SEQUENTIAL_HELPER);
    shipped = ` and ${helper} (writes an nn.Sequential as JSON for \`import\`)`;
  }
  io.out(`exported ${file} to ${args.to}: ${args.out}${shipped}\n`);
  return 0;
}
