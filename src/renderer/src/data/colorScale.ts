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

/** an RGB colour as CSS */
export const cssRgb = (c: Rgb): string => `rgb(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])})`;

/** a value's colour at full strength (points, the colour bar): low's red through white to high's blue */
export function valueColour(v: number, range: ValueRange): string {
  // 255 levels (an odd count: the midpoint has its own), so many points share a few colours
  const raw = (v - range.lo) / (range.hi - range.lo);
  const t = raw === raw ? Math.round(Math.min(Math.max(raw, 0), 1) * 254) / 254 : 0.5;
  return cssRgb(t < 0.5 ? mix(MID, LOW, 1 - 2 * t) : mix(MID, HIGH, 2 * t - 1));
}

/** the colour bar's CSS gradient, low at the left */
export const VALUE_GRADIENT = `linear-gradient(to right, ${cssRgb(LOW)}, ${cssRgb(MID)}, ${cssRgb(HIGH)})`;

/** the scale regression uses for targets and h alike: the targets' extent, symmetric about 0 when it spans 0 (none: −1…1) */
export function valueRange(examples: readonly { y: readonly number[] }[]): ValueRange {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of examples) {
    const v = e.y[0];
    if (v === undefined) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return Number.isFinite(lo) ? { lo: lo - 1, hi: hi + 1 } : { lo: -1, hi: 1 };
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    return { lo: -m, hi: m };
  }
  return { lo, hi };
}

/** "#rrggbb" as RGB */
export function parseHex(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * k-class map: each cell the colour of its winning output (arg-max over the outputs' maps),
 * lightened; smooth: the stronger the lead over the runner-up (in the outputs' range), the
 * deeper; discretised: one shade per class
 */
export function paintWinners(
  outputs: readonly Float32Array[],
  cols: number,
  rows: number,
  step: number,
  colours: readonly string[],
  discrete: boolean,
  out: Uint8ClampedArray,
): void {
  const rgb = colours.map(parseHex);
  let span = 0;
  for (const v of outputs) for (let i = 0; i < v.length; i++) span = Math.max(span, Math.abs(v[i]));
  span = span > 0 ? span : 1;
  let o = 0;
  for (let r = 0; r < rows; r += step) {
    for (let col = 0; col < cols; col += step) {
      const cell = r * cols + col;
      let best = 0;
      let second = -Infinity;
      for (let k = 1; k < outputs.length; k++) {
        const v = outputs[k][cell];
        if (v > outputs[best][cell]) {
          second = outputs[best][cell];
          best = k;
        } else if (v > second) second = v;
      }
      const lead = Math.min(1, Math.max(0, (outputs[best][cell] - second) / span));
      const strength = discrete ? STRENGTH * 0.55 : STRENGTH * (0.15 + 0.85 * lead);
      const c = mix(MID, rgb[best % rgb.length], outputs[best][cell] === outputs[best][cell] ? strength : 0);
      out[o] = c[0];
      out[o + 1] = c[1];
      out[o + 2] = c[2];
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
