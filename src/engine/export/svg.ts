// The graph as a standalone SVG document (real shapes and text, no foreignObject), with the
// decision map and the data points beside it when asked. Colours follow the app: blue for positive
// weights and high outputs, orange for negative weights and low ones; edge width grows with |w|.

import type { GraphDoc, GraphNode } from '../format/types';
import { ACT_SIGMOID, ACT_TANH } from '../activation';
import { nodePositions, type Point } from './layout';
import { decisionMap, type DecisionMap } from './decisionMap';

const BLUE = [37, 99, 235] as const;
const ORANGE = [234, 88, 12] as const;
const WHITE = [255, 255, 255] as const;
const RADIUS = 24;
const MARGIN = 40;
const MAP_SIDE = 360;

export interface SvgOptions {
  /** draw the decision map (and the examples) beside the graph */
  map?: boolean;
  /** grid cells per side of the map */
  mapSize?: number;
}

/** text and attribute values with &, <, >, " escaped (and control characters, which XML forbids, dropped) */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const rgb = (c: readonly number[]): string => `rgb(${c.map((v) => Math.round(v)).join(',')})`;
const mix = (a: readonly number[], b: readonly number[], t: number): number[] => a.map((v, i) => v + (b[i] - v) * t);
const fmt = (v: number): string => String(Math.round(v * 100) / 100);

/** −1 (fully low) … 1 (fully high) for an output value */
function side(value: number, map: DecisionMap): number {
  if (map.activation === ACT_SIGMOID) return Math.max(-1, Math.min(1, 2 * value - 1));
  if (map.activation === ACT_TANH) return Math.max(-1, Math.min(1, value));
  return Math.max(-1, Math.min(1, value - map.midpoint)); // linear, relu: one unit from the midpoint is full colour
}

function cellColour(t: number): string {
  return rgb(t >= 0 ? mix(WHITE, BLUE, 0.75 * t) : mix(WHITE, ORANGE, -0.75 * t));
}

/** up to 6 class colours, as the app draws k classes (class c ↔ output c) */
const CLASS_COLOURS = [ORANGE, BLUE, [22, 163, 74], [147, 51, 234], [219, 39, 119], [202, 138, 4]] as const;
const classColour = (c: number): readonly number[] => CLASS_COLOURS[c % CLASS_COLOURS.length];

/** a regression value on the continuous scale: the range's low end orange, its high end blue */
const scaled = (v: number, map: DecisionMap): number => Math.max(-1, Math.min(1, (2 * (v - map.range[0])) / (map.range[1] - map.range[0]) - 1));

/** the cell's colour: the winning class faded by its h; a regression's h on the scale; h_0 against the midpoint */
function mapCellColour(map: DecisionMap, at: number): string {
  const v = map.values[at];
  if (map.kind === 'classes') return rgb(mix(WHITE, classColour(map.winner[at]), 0.75 * Math.max(0, Math.min(1, v))));
  return cellColour(map.kind === 'regression' ? scaled(v, map) : side(v, map));
}

/** lowest index of the largest y_o: an example's class */
const classOf = (y: readonly number[]): number => y.reduce((best, v, o) => (v > y[best] ? o : best), 0);

function exampleColour(map: DecisionMap, y: readonly number[]): string {
  if (map.kind === 'classes') return rgb(classColour(classOf(y)));
  if (map.kind === 'regression') return cellColour(scaled(y[0] ?? 0, map));
  return rgb((y[0] ?? 0) > map.midpoint ? BLUE : ORANGE);
}

const MAP_TITLES: Record<DecisionMap['kind'], string> = {
  midpoint: 'decision map: h_0 over the plane',
  classes: 'decision map: the winning output over the plane',
  regression: 'map: h_0 over the plane',
};

function mapGroup(doc: GraphDoc, map: DecisionMap): string[] {
  const cell = MAP_SIDE / map.size;
  const parts: string[] = [`<g id="decision-map" transform="translate(${MARGIN},${MARGIN})">`, `<title>${MAP_TITLES[map.kind]}</title>`];
  for (let j = 0; j < map.size; j++) {
    for (let i = 0; i < map.size; i++) {
      parts.push(`<rect x="${fmt(i * cell)}" y="${fmt(j * cell)}" width="${fmt(cell + 0.05)}" height="${fmt(cell + 0.05)}" fill="${mapCellColour(map, j * map.size + i)}"/>`);
    }
  }
  const px = (x: number) => ((x - map.x[0]) / (map.x[1] - map.x[0])) * MAP_SIDE;
  const py = (y: number) => ((map.y[1] - y) / (map.y[1] - map.y[0])) * MAP_SIDE;
  for (const ex of doc.dataset.examples) {
    const colour = exampleColour(map, ex.y);
    // test examples hollow, as the app draws them
    const paint = ex.test === true ? `fill="white" stroke="${colour}" stroke-width="2"` : `fill="${colour}" stroke="white" stroke-width="1.2"`;
    parts.push(`<circle class="${ex.test === true ? 'example test' : 'example'}" cx="${fmt(px(ex.x[0]))}" cy="${fmt(py(ex.x[1] ?? 0))}" r="4" ${paint}/>`);
  }
  parts.push(`<rect x="0" y="0" width="${MAP_SIDE}" height="${MAP_SIDE}" fill="none" stroke="#888"/>`, '</g>');
  return parts;
}

function nodeShape(node: GraphNode, p: Point): string {
  const label = escapeXml(node.label ?? node.id);
  const fill = node.type === 'neuron' ? 'white' : '#f1f5f9';
  const shape =
    node.type === 'neuron'
      ? `<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${RADIUS}" fill="${fill}" stroke="#334155" stroke-width="${node.output !== undefined ? 3 : 1.5}"/>`
      : `<rect x="${fmt(p.x - RADIUS)}" y="${fmt(p.y - RADIUS * 0.75)}" width="${2 * RADIUS}" height="${1.5 * RADIUS}" rx="6" fill="${fill}" stroke="#64748b" stroke-width="1.5"/>`;
  const kind = node.type === 'neuron' ? `${node.activation}${node.output !== undefined ? `, output ${node.output}` : ''}` : node.type === 'input' ? `input x[${node.feature}]` : 'bias, z = 1';
  return (
    `<g class="node" data-id="${escapeXml(node.id)}"><title>${escapeXml(node.id)}: ${kind}</title>${shape}` +
    `<text x="${fmt(p.x)}" y="${fmt(p.y + 5)}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="14" fill="#0f172a">${label}</text></g>`
  );
}

function graphGroup(doc: GraphDoc, offsetX: number): { parts: string[]; width: number; height: number } {
  const positions = nodePositions(doc);
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const at = (id: string): Point => {
    const p = positions.get(id)!;
    return { x: p.x - minX + RADIUS, y: p.y - minY + RADIUS };
  };
  const parts = [`<g id="graph" transform="translate(${offsetX},${MARGIN})">`];
  for (const e of doc.edges) {
    const a = at(e.source);
    const b = at(e.target);
    const bend = Math.max(30, (b.x - a.x) / 2);
    const width = Math.min(6, 0.6 + 1.6 * Math.abs(e.weight));
    parts.push(
      `<path class="edge" data-id="${escapeXml(e.id)}" d="M${fmt(a.x + RADIUS)},${fmt(a.y)} C${fmt(a.x + RADIUS + bend)},${fmt(a.y)} ${fmt(b.x - RADIUS - bend)},${fmt(b.y)} ${fmt(b.x - RADIUS)},${fmt(b.y)}" ` +
        `fill="none" stroke="${rgb(e.weight >= 0 ? BLUE : ORANGE)}" stroke-opacity="0.8" stroke-width="${fmt(width)}"><title>${escapeXml(e.id)}: w = ${e.weight}</title></path>`,
    );
  }
  for (const node of doc.nodes) parts.push(nodeShape(node, at(node.id)));
  parts.push('</g>');
  return { parts, width: Math.max(...xs) - minX + 2 * RADIUS, height: Math.max(...ys) - minY + 2 * RADIUS };
}

/** the document as SVG text; throws GraphFileError for an invalid graph, RangeError when a map cannot be drawn */
export function graphSvg(doc: GraphDoc, options: SvgOptions = {}): string {
  const map = options.map ? decisionMap(doc, options.mapSize) : null;
  if (options.map && !map) throw new RangeError('a decision map needs an output neuron and inputs on features 0 and 1 only (the plane)');
  const graphX = map ? 2 * MARGIN + MAP_SIDE : MARGIN;
  const graph = graphGroup(doc, graphX);
  const width = graphX + graph.width + MARGIN;
  const height = Math.max(graph.height, map ? MAP_SIDE : 0) + 2 * MARGIN;
  const title = escapeXml(doc.name ?? 'graph');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}">`,
    `<title>${title}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...(map ? mapGroup(doc, map) : []),
    ...graph.parts,
    '</svg>',
    '',
  ].join('\n');
}
