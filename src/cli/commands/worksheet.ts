import { GraphFileError } from '../../engine';
import { buildWorksheet, parseBlanks, worksheetHtml, worksheetKeys, WorksheetError, type BlankChoice } from '../../engine/worksheet';
import type { GraphDoc } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile, writeFileAtomic } from '../files';
import { CliError, inFile, UsageError } from '../errors';
import { katexCss } from '../katexAssets';
import { basename } from 'node:path';

/** the worksheet's HTML page on stdout, or written to --out */
export async function worksheetCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  const example = args.example!;
  const seed = args.overrides.seed;
  let html: string;
  try {
    const blanks = blankChoice(doc, example, args.blank ?? 'all');
    const sheet = buildWorksheet(doc, { example, seed, blanks });
    html = worksheetHtml(sheet, { fileName: basename(file), katexCss: katexCss() });
  } catch (err) {
    if (err instanceof WorksheetError) throw new CliError(`${file}: ${err.message}`);
    if (err instanceof GraphFileError) throw inFile(file, err);
    throw err;
  }
  if (args.out === undefined) {
    io.out(html);
    return 0;
  }
  writeFileAtomic(args.out, html);
  const blanks = args.blank ?? 'all';
  io.out(`wrote the worksheet of ${file}, example ${example}${seed === undefined ? '' : `, seed ${seed}`}, blanks ${blanks}: ${args.out}\n`);
  return 0;
}

function blankChoice(doc: GraphDoc, example: number, text: string): BlankChoice {
  const parsed = parseBlanks(text, worksheetKeys(doc, example));
  if (!parsed.ok) throw new UsageError(`--blank: ${parsed.message}`);
  return parsed.choice;
}
