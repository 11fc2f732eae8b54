// `render` through the real bin: an SVG file that parses, a PNG from resvg, and clean refusals.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli, TWO_FIVE_ONE } from './helpers';

const temp = mkdtempSync(join(tmpdir(), 'bp-render-'));
beforeAll(buildCli);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('render', () => {
  it('--svg writes an SVG document of the graph', () => {
    const out = join(temp, 'graph.svg');
    const r = cli('render', TWO_FIVE_ONE, '--svg', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^rendered .* to .*graph\.svg\n$/);
    const svg = new DOMParser({ onError: (level, m) => { if (level !== 'warning') throw new Error(m); } }).parseFromString(readFileSync(out, 'utf8'), 'image/svg+xml');
    expect(svg.getElementsByTagName('circle').length).toBe(6);
  });

  it('--png --map writes a PNG twice the SVG’s size (the map beside the graph)', () => {
    const svgOut = join(temp, 'map.svg');
    const pngOut = join(temp, 'map.png');
    expect(cli('render', TWO_FIVE_ONE, '--svg', svgOut, '--map').code).toBe(0);
    const r = cli('render', TWO_FIVE_ONE, '--png', pngOut, '--map');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/with its decision map/);
    const png = readFileSync(pngOut);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = Number(/<svg [^>]*width="([\d.]+)"/.exec(readFileSync(svgOut, 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(Math.round(2 * width));
  });

  it('refuses a missing file with one clean line', () => {
    const r = cli('render', join(temp, 'nope.json'), '--svg', join(temp, 'x.svg'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read .*nope\.json: no such file\n$/);
  });
});
