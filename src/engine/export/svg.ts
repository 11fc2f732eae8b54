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

function mapGroup(doc: GraphDoc, map: DecisionMap): string[] {
  const cell = MAP_SIDE / map.size;
  const parts: string[] = [`<g id="decision-map" transform="translate(${MARGIN},${MARGIN})">`, `<title>decision map: h_0 over the plane</title>`];
  for (let j = 0; j < map.size; j++) {
    for (let i = 0; i < map.size; i++) {
      parts.push(`<rect x="${fmt(i * cell)}" y="${fmt(j * cell)}" width="${fmt(cell + 0.05)}" height="${fmt(cell + 0.05)}" fill="${cellColour(side(map.values[j * map.size + i], map))}"/>`);
    }
  }
  const px = (x: number) => ((x - map.x[0]) / (map.x[1] - map.x[0])) * MAP_SIDE;
  const py = (y: number) => ((map.y[1] - y) / (map.y[1] - map.y[0])) * MAP_SIDE;
  for (const ex of doc.dataset.examples) {
    const high = (ex.y[0] ?? 0) > map.midpoint;
    parts.push(`<circle class="example" cx="${fmt(px(ex.x[0]))}" cy="${fmt(py(ex.x[1] ?? 0))}" r="4" fill="${rgb(high ? BLUE : ORANGE)}" stroke="white" stroke-width="1.2"/>`);
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
