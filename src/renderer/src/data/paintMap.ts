import { paintSampled, type ValueRange } from './colorScale';
import type { GridSpec } from './maps';

/** one pixel buffer per canvas, reused: maps repaint every frame while training */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

// Draws one map into a canvas of the grid's size (or 1/step of it), which CSS scales, smoothed.
export function paintMap(
  canvas: HTMLCanvasElement,
  spec: GridSpec,
  values: Float32Array,
  range: ValueRange,
  discrete: boolean,
  step = 1,
): void {
  const width = Math.ceil(spec.cols / step);
  const height = Math.ceil(spec.rows / step);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let image = images.get(canvas);
  if (!image || image.width !== width || image.height !== height) {
    image = ctx.createImageData(width, height);
    images.set(canvas, image);
  }
  paintSampled(values, spec.cols, spec.rows, step, range, discrete, image.data);
  ctx.putImageData(image, 0, 0);
}

export function clearMap(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
}
