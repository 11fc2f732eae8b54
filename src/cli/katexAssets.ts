// KaTeX's stylesheet and the worksheet's fonts, read from the installed katex package, made into
// one self-contained stylesheet (the engine's katexStyle: the same bytes the app builds).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { katexStyle, WORKSHEET_FONTS } from '../engine/worksheet';
import { CliError } from './errors';

export function katexCss(): string {
  let dist: string;
  try {
    dist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
  } catch (err) {
    throw new CliError(`cannot write a worksheet: the katex package is not installed (npm install): ${err instanceof Error ? err.message : String(err)}`);
  }
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  const fonts = Object.fromEntries(WORKSHEET_FONTS.map((name) => [name, readFileSync(join(dist, 'fonts', `${name}.woff2`)).toString('base64')]));
  return katexStyle(css, fonts);
}
