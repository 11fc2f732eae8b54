import { paintValues, type ValueRange } from './colorScale';
import type { GridSpec } from './maps';

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
  const image = ctx.createImageData(spec.cols, spec.rows);
  paintValues(values, range, discrete, image.data);
  ctx.putImageData(image, 0, 0);
}

export function clearMap(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
}
