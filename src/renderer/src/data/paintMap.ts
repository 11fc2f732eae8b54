import { paintValues, type ValueRange } from './colorScale';
import type { GridSpec } from './maps';

/** one pixel buffer per canvas, reused: maps repaint every frame while training */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

// Draws one map into a canvas whose pixel size is the grid's (CSS scales it up, smoothed).
export function paintMap(
  canvas: HTMLCanvasElement,
  spec: GridSpec,
  values: Float32Array,
  range: ValueRange,
  discrete: boolean,
): void {
  if (canvas.width !== spec.cols) canvas.width = spec.cols;
  if (canvas.height !== spec.rows) canvas.height = spec.rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let image = images.get(canvas);
  if (!image || image.width !== spec.cols || image.height !== spec.rows) {
    image = ctx.createImageData(spec.cols, spec.rows);
    images.set(canvas, image);
  }
  paintValues(values, range, discrete, image.data);
  ctx.putImageData(image, 0, 0);
}

export function clearMap(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
}
