// The fixed layout of an exploded neuron (no graph library: the shape is always the same):
// left to right z_j and w_{j→k} per edge, ×, their product, +, s_k, σ, z_k. Sizes in SVG units.

export const BOX = { width: 168, height: 58 };
export const OP_RADIUS = 17;
const PAIR_GAP = 8;
const TERM_GAP = 22;
const MARGIN = 16;
const COLUMN = { factor: 0, times: 210, product: 262, plus: 478, sum: 530, sigma: 746, out: 798 };

export interface Point {
  x: number;
  y: number;
}

export interface TermLayout {
  input: Point;
  weight: Point;
  times: Point;
  product: Point;
}

export interface ExplodeLayout {
  width: number;
  height: number;
  terms: TermLayout[];
  plus: Point;
  sum: Point;
  sigma: Point;
  out: Point;
}

const termHeight = 2 * BOX.height + PAIR_GAP;

/** top-left corners of the boxes, centres of the operation circles */
export function explodeLayout(termCount: number): ExplodeLayout {
  const rows = Math.max(termCount, 1);
  const height = 2 * MARGIN + rows * termHeight + (rows - 1) * TERM_GAP;
  const mid = height / 2;
  const terms = Array.from({ length: termCount }, (_, i): TermLayout => {
    const top = MARGIN + i * (termHeight + TERM_GAP);
    const centre = top + termHeight / 2;
    return {
      input: { x: MARGIN + COLUMN.factor, y: top },
      weight: { x: MARGIN + COLUMN.factor, y: top + BOX.height + PAIR_GAP },
      times: { x: MARGIN + COLUMN.times, y: centre },
      product: { x: MARGIN + COLUMN.product, y: centre - BOX.height / 2 },
    };
  });
  return {
    width: 2 * MARGIN + COLUMN.out + BOX.width,
    height,
    terms,
    plus: { x: MARGIN + COLUMN.plus, y: mid },
    sum: { x: MARGIN + COLUMN.sum, y: mid - BOX.height / 2 },
    sigma: { x: MARGIN + COLUMN.sigma, y: mid },
    out: { x: MARGIN + COLUMN.out, y: mid - BOX.height / 2 },
  };
}
