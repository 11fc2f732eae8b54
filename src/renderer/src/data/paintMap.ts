import { paintSampled, paintWinners, type ValueRange } from './colorScale';
import type { GridSpec } from './maps';

/** one pixel buffer per canvas, reused: maps repaint every frame while training */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/** the canvas sized to the grid (or 1/step of it) and its reused pixel buffer; null without a 2-D context */
function imageFor(canvas: HTMLCanvasElement, spec: GridSpec, step: number): { ctx: CanvasRenderingContext2D; image: ImageData } | null {
  const width = Math.ceil(spec.cols / step);
  const height = Math.ceil(spec.rows / step);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  let image = images.get(canvas);
  if (!image || image.width !== width || image.height !== height) {
    image = ctx.createImageData(width, height);
    images.set(canvas, image);
  }
  return { ctx, image };
}

// Draws one map into a canvas of the grid's size (or 1/step of it), which CSS scales, smoothed.
export function paintMap(
  canvas: HTMLCanvasElement,
  spec: GridSpec,
  values: Float32Array,
  range: ValueRange,
  discrete: boolean,
  step = 1,
): void {
  const target = imageFor(canvas, spec, step);
  if (!target) return;
  paintSampled(values, spec.cols, spec.rows, step, range, discrete, target.image.data);
  target.ctx.putImageData(target.image, 0, 0);
}

/** k outputs' maps as one: each cell the winning output's class colour */
export function paintWinnerMap(
  canvas: HTMLCanvasElement,
  spec: GridSpec,
  outputs: readonly Float32Array[],
  colours: readonly string[],
  discrete: boolean,
): void {
  const target = imageFor(canvas, spec, 1);
  if (!target) return;
  paintWinners(outputs, spec.cols, spec.rows, 1, colours, discrete, target.image.data);
  target.ctx.putImageData(target.image, 0, 0);
}

export function clearMap(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
}
