// A diverging colour scale for maps: the low class's red through near-white to the high class's
// blue, lightened so the points on top stay readable. Discretised: each cell takes the colour of
// the class it would be given (which side of the midpoint it lies).

export interface ValueRange {
  lo: number;
  hi: number;
}

type Rgb = readonly [number, number, number];
const LOW: Rgb = [224, 69, 58]; // --class0
const MID: Rgb = [247, 247, 249];
const HIGH: Rgb = [47, 111, 222]; // --class1
const STRENGTH = 0.7; // how far from white the extremes go
const STEPS = 256;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function buildLut(discrete: boolean): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(STEPS * 4);
  for (let i = 0; i < STEPS; i++) {
    const t = i / (STEPS - 1); // 0 = low, 1 = high
    const c = discrete
      ? mix(MID, t < 0.5 ? LOW : HIGH, STRENGTH * 0.55)
      : t < 0.5
        ? mix(MID, LOW, (1 - 2 * t) * STRENGTH)
        : mix(MID, HIGH, (2 * t - 1) * STRENGTH);
    lut.set([c[0], c[1], c[2], 255], i * 4);
  }
  return lut;
}

const LUTS = { smooth: buildLut(false), discrete: buildLut(true) };

/** colour index 0…255 of a value within the range; NaN (no value) lands on the midpoint */
export function colourIndex(v: number, range: ValueRange): number {
  const t = (v - range.lo) / (range.hi - range.lo);
  if (!(t === t)) return STEPS >> 1;
  return Math.round(Math.min(Math.max(t, 0), 1) * (STEPS - 1));
}

/** writes RGBA pixels for `values` (row-major, row 0 at the top) into `out` */
export function paintValues(values: Float32Array, range: ValueRange, discrete: boolean, out: Uint8ClampedArray): void {
  paintSampled(values, values.length, 1, 1, range, discrete, out);
}

/**
 * every `step`-th cell of every `step`-th row of a grid `cols` wide, as RGBA pixels into `out`
 * (a small thumbnail needs a quarter of the cells the plot does)
 */
export function paintSampled(
  values: Float32Array,
  cols: number,
  rows: number,
  step: number,
  range: ValueRange,
  discrete: boolean,
  out: Uint8ClampedArray,
): void {
  const lut = discrete ? LUTS.discrete : LUTS.smooth;
  let o = 0;
  for (let r = 0; r < rows; r += step) {
    for (let col = 0; col < cols; col += step) {
      const c = colourIndex(values[r * cols + col], range) * 4;
      out[o] = lut[c];
      out[o + 1] = lut[c + 1];
      out[o + 2] = lut[c + 2];
      out[o + 3] = 255;
      o += 4;
    }
  }
}

/** the range of z_k an activation can take; unbounded ones use the map's own extent */
export function rangeFor(activation: string | undefined, values: Float32Array): ValueRange {
  if (activation === 'sigmoid') return { lo: 0, hi: 1 };
  if (activation === 'tanh') return { lo: -1, hi: 1 };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return { lo: lo - 1, hi: hi + 1 };
  if (activation === 'relu') return { lo: 0, hi };
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  return { lo: -m, hi: m };
}
