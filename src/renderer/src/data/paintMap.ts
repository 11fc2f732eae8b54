import { useState } from 'react';
import { paintSampled, paintWinners, type ValueRange } from './colorScale';
import type { GridSpec } from './maps';

// A map painter belongs to one canvas (a thumbnail, the plot): it keeps that canvas's pixel
// buffer and reuses it, because maps repaint every frame while training. Made by the component
// that owns the canvas (`useMapPainter`), so no buffer outlives or is shared beyond its canvas.

export interface MapPainter {
  /** one map into a canvas of the grid's size (or 1/step of it), which CSS scales, smoothed */
  paint(canvas: HTMLCanvasElement, spec: GridSpec, values: Float32Array, range: ValueRange, discrete: boolean, step?: number): void;
  /** k outputs' maps as one: each cell the winning output's class colour */
  paintWinners(canvas: HTMLCanvasElement, spec: GridSpec, outputs: readonly Float32Array[], colours: readonly string[], discrete: boolean): void;
  clear(canvas: HTMLCanvasElement): void;
}

export function createMapPainter(): MapPainter {
  let image: ImageData | null = null;

  /** the canvas sized to the grid (or 1/step of it) and the reused pixel buffer; null without a 2-D context */
  function imageFor(canvas: HTMLCanvasElement, spec: GridSpec, step: number): { ctx: CanvasRenderingContext2D; image: ImageData } | null {
    const width = Math.ceil(spec.cols / step);
    const height = Math.ceil(spec.rows / step);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    if (!image || image.width !== width || image.height !== height) image = ctx.createImageData(width, height);
    return { ctx, image };
  }

  return {
    paint(canvas, spec, values, range, discrete, step = 1) {
      const target = imageFor(canvas, spec, step);
      if (!target) return;
      paintSampled(values, spec.cols, spec.rows, step, range, discrete, target.image.data);
      target.ctx.putImageData(target.image, 0, 0);
    },
    paintWinners(canvas, spec, outputs, colours, discrete) {
      const target = imageFor(canvas, spec, 1);
      if (!target) return;
      paintWinners(outputs, spec.cols, spec.rows, 1, colours, discrete, target.image.data);
      target.ctx.putImageData(target.image, 0, 0);
    },
    clear(canvas) {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}

/** the calling component's own painter, made once */
export function useMapPainter(): MapPainter {
  return useState(createMapPainter)[0];
}
