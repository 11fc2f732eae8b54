// SVG to PNG with resvg (a Rust renderer with its native binary from npm): no browser window.
// Loaded only when a PNG is asked for, so every other command starts without it.

import { CliError } from './errors';

export async function svgToPng(svg: string): Promise<Uint8Array> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (err) {
    throw new CliError(`cannot draw a PNG: @resvg/resvg-js is not installed (npm install): ${err instanceof Error ? err.message : String(err)}`);
  }
  const image = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return image.render().asPng();
}
