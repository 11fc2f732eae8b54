// The SVG drawing is real SVG: it parses as XML, holds text and shapes (no foreignObject), and its
// decision map is the engine's forward pass.

import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { compile, forward } from '../../../src/engine';
import { graphSvg } from '../../../src/engine/export';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';
import { skipGraph } from './graphs';

/** strict: any error of the parser fails the test (its warnings include a heuristic about U+FFFD, which is valid) */
function parseSvg(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
}

const all = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));

describe('graphSvg', () => {
  it('draws every node with its label as text and every edge as a path coloured by its sign', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const svg = parseSvg(graphSvg(doc));
    expect(svg.documentElement!.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(all(svg, 'foreignObject')).toHaveLength(0);
    expect(all(svg, 'g').filter((g) => g.getAttribute('class') === 'node').map((g) => g.getAttribute('data-id'))).toEqual(doc.nodes.map((n) => n.id));
    const texts = all(svg, 'text').map((t) => t.textContent);
    for (const node of doc.nodes) expect(texts).toContain(node.label ?? node.id);
    const edges = all(svg, 'path').filter((p) => p.getAttribute('class') === 'edge');
    expect(edges).toHaveLength(doc.edges.length);
    edges.forEach((path, i) => expect(path.getAttribute('stroke')).toBe(doc.edges[i].weight >= 0 ? 'rgb(37,99,235)' : 'rgb(234,88,12)'));
  });

  it('lays out a graph without positions in columns by depth', () => {
    const svg = parseSvg(graphSvg(skipGraph()));
    const circles = all(svg, 'circle');
    expect(circles).toHaveLength(4); // the four neurons
    const cx = circles.map((c) => Number(c.getAttribute('cx')));
    expect(new Set(cx).size).toBe(4); // a, b, out, sum each one column deeper
  });

  it('escapes ids and labels that are not plain text', () => {
    const doc = skipGraph();
    doc.nodes[3] = { ...doc.nodes[3], label: `<&"'>\u0001\ud800` } as (typeof doc.nodes)[number];
    const svg = parseSvg(graphSvg(doc));
    expect(all(svg, 'text').map((t) => t.textContent)).toContain(`<&"'>\ufffd`);
  });

  it('--map: a grid of the engine’s h_0 behind the examples, each cell coloured by its side of the midpoint', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const svg = parseSvg(graphSvg(doc, { map: true, mapSize: 20 }));
    const map = all(svg, 'g').find((g) => g.getAttribute('id') === 'decision-map')!;
    const cells = Array.from(map.getElementsByTagName('rect')).slice(0, 400);
    expect(cells).toHaveLength(400);
    const net = compile(doc);
    const out = net.outputNode[0];
    let checked = 0;
    for (let j = 0; j < 20; j += 3) {
      for (let i = 0; i < 20; i += 3) {
        forward(net, [-1 + (i + 0.5) / 10, 1 - (j + 0.5) / 10]);
        const fill = cells[j * 20 + i].getAttribute('fill')!;
        const [r, , b] = fill.slice(4, -1).split(',').map(Number);
        if (Math.abs(net.z[out] - 0.5) > 0.02) {
          expect(b > r, `cell ${i},${j}: h = ${net.z[out]}, ${fill}`).toBe(net.z[out] > 0.5);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(Array.from(map.getElementsByTagName('circle'))).toHaveLength(doc.dataset.examples.length);
  });

  it('refuses a map for a graph that is not on the plane', () => {
    const doc = skipGraph();
    doc.nodes[2] = { id: 'in_y', type: 'input', feature: 2 };
    doc.dataset.examples = doc.dataset.examples.map((e) => ({ ...e, x: [...e.x, 0] }));
    expect(() => graphSvg(doc, { map: true })).toThrow(/inputs on features 0 and 1/);
  });
});
