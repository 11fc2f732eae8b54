import { graphSvg } from '../../engine/export';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile, writeFileAtomic } from '../files';
import { CliError } from '../errors';
import { svgToPng } from '../png';

/** --svg OUT: the drawing as SVG text; --png OUT: the same rasterised (resvg, no browser) */
export async function renderCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  let svg: string;
  try {
    svg = graphSvg(doc, { map: args.map });
  } catch (err) {
    if (err instanceof RangeError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  }
  const out = args.svg ?? args.png!;
  if (args.svg !== undefined) writeFileAtomic(out, svg);
  else writeFileAtomic(out, await svgToPng(svg));
  io.out(`rendered ${file}${args.map ? ' with its decision map' : ''} to ${out}\n`);
  return 0;
}
