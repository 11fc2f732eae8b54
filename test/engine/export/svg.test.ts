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

  it('--map with k classes: each cell a fade of the winning output’s colour (lowest index of the largest h), test examples hollow', () => {
    const doc = loadFixture('every-option.bpgraph.json');
    const svg = parseSvg(graphSvg(doc, { map: true, mapSize: 12 }));
    const map = all(svg, 'g').find((g) => g.getAttribute('id') === 'decision-map')!;
    const cells = Array.from(map.getElementsByTagName('rect')).slice(0, 144);
    const classColours = [[234, 88, 12], [37, 99, 235], [22, 163, 74]];
    const net = compile(doc);
    const winners = new Set<number>();
    for (let j = 0; j < 12; j++) {
      for (let i = 0; i < 12; i++) {
        forward(net, [-1 + (i + 0.5) / 6, 1 - (j + 0.5) / 6]);
        const h = Array.from(net.outputNode, (k) => net.z[k]);
        const win = h.indexOf(Math.max(...h));
        winners.add(win);
        // white faded towards the class colour by one factor t on every channel: (255 − fill) ∝ (255 − colour)
        const fill = cells[j * 12 + i].getAttribute('fill')!.slice(4, -1).split(',').map(Number);
        const t = fill.map((v, c) => (255 - v) / (255 - classColours[win][c]));
        expect(Math.max(...t) - Math.min(...t), `cell ${i},${j}: class ${win}, ${fill}`).toBeLessThan(0.02);
        expect(t[0]).toBeCloseTo(0.75 * h[win], 1);
      }
    }
    expect(winners.size).toBeGreaterThan(1);
    expect(all(svg, 'title').map((t) => t.textContent)).toContain('decision map: the winning output over the plane');
    const circles = Array.from(map.getElementsByTagName('circle'));
    expect(circles.map((c) => c.getAttribute('class'))).toEqual(['example', 'example test']);
    expect(circles[0].getAttribute('fill')).toBe('rgb(234,88,12)'); // y = [1, 0, 0]: class 0
    expect(circles[1].getAttribute('fill')).toBe('white'); // a test example: hollow, ringed in its class's colour
    expect(circles[1].getAttribute('stroke')).toBe('rgb(22,163,74)'); // y = [0, 0, 1]: class 2
  });

  it('--map for a regression: h_0 on the targets’ scale, high values blue, low ones orange', () => {
    const doc = loadFixture(TWO_FIVE_ONE);
    const out = doc.nodes.find((n) => n.type === 'neuron' && n.output === 0)!;
    Object.assign(out, { activation: 'linear' });
    doc.dataset = { ...doc.dataset, problem: 'regression', examples: doc.dataset.examples.map((e) => ({ ...e, y: [e.x[0] * 3] })) };
    const svg = parseSvg(graphSvg(doc, { map: true, mapSize: 10 }));
    const map = all(svg, 'g').find((g) => g.getAttribute('id') === 'decision-map')!;
    const circles = Array.from(map.getElementsByTagName('circle'));
    const lows = doc.dataset.examples.map((e, i) => [e.y[0], circles[i].getAttribute('fill')!] as const).sort((a, b) => a[0] - b[0]);
    const [r0, , b0] = lows[0][1].slice(4, -1).split(',').map(Number);
    const [r1, , b1] = lows[lows.length - 1][1].slice(4, -1).split(',').map(Number);
    expect(r0).toBeGreaterThan(b0); // the least target: orange
    expect(b1).toBeGreaterThan(r1); // the largest: blue
    expect(all(svg, 'title').map((t) => t.textContent)).toContain('map: h_0 over the plane');
  });

  it('refuses a map for a graph that is not on the plane', () => {
    const doc = skipGraph();
    doc.nodes[2] = { id: 'in_y', type: 'input', feature: 2 };
    doc.dataset.examples = doc.dataset.examples.map((e) => ({ ...e, x: [...e.x, 0] }));
    expect(() => graphSvg(doc, { map: true })).toThrow(/inputs on features 0 and 1/);
  });
});
