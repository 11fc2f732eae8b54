import { gradcheck } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile } from '../files';
import { CliError } from '../errors';
import { json, num } from '../format';

/** CS231n's reading of a relative error */
function verdict(rel: number): string {
  if (rel <= 1e-7) return 'right';
  if (rel <= 1e-4) return 'probably right';
  if (rel <= 1e-2) return 'suspicious';
  return 'wrong (or a relu kink)';
}

export async function gradcheckCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  const n = doc.dataset.examples.length;
  if (args.example !== undefined && args.example >= n) {
    throw new CliError(`example ${args.example} does not exist: ${file} has ${n} example${n === 1 ? '' : 's'}`);
  }
  const result = gradcheck(doc, args.example);
  if (args.json) {
    io.out(json(result));
    return 0;
  }
  const over = args.example === undefined ? `E summed over ${n} examples` : `E_${args.example}`;
  const where = result.edgeId === null ? '' : ` at edge '${result.edgeId}'`;
  io.out(
    `largest relative error ${num(result.maxRelError)}${where} (${result.count} edges, ${over}, h = 1e-5): ${verdict(result.maxRelError)}\n`,
  );
  return 0;
}
