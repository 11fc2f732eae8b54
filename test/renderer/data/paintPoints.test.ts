import { describe, expect, it } from 'vitest';
import { DOTS_FROM, paintPoints, type PointsContext } from '../../../src/renderer/src/data/paintPoints';
import type { Example } from '../../../src/engine/format/types';
import { pointScheme, HOLLOW_FILL } from '../../../src/renderer/src/data/pointLook';
import { CLASS_COLOURS } from '../../../src/renderer/src/data/classes';

/** a 2-D context that records what was drawn where, in which colour */
function recordingContext() {
  const drawn: { kind: 'arc' | 'rect'; x: number; y: number; fill: string }[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    fills: 0,
    clearRect: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    arc(x: number, y: number) {
      drawn.push({ kind: 'arc', x, y, fill: String(ctx.fillStyle) });
    },
    fillRect(x: number, y: number, w: number, h: number) {
      drawn.push({ kind: 'rect', x: x + w / 2, y: y + h / 2, fill: String(ctx.fillStyle) });
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      drawn.push({ kind: 'rect', x: x + w / 2, y: y + h / 2, fill: `ring ${String(ctx.strokeStyle)}` });
    },
    fill() {
      ctx.fills++;
    },
    stroke: () => undefined,
  };
  return { ctx: ctx as unknown as PointsContext & { fills: number }, drawn };
}

const style = { outline: '#fff', radius: 3 };
const [red, blue, green] = CLASS_COLOURS;
const size = { width: 320, height: 320 };
const domain = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
const nodes = [{ id: 'o', type: 'neuron' as const, activation: 'sigmoid' as const, output: 0 }];
const targets = pointScheme({ nodes, dataset: { examples: [] } }, true);

describe('points painted on a canvas', () => {
  it('draws each example at its place in its class colour (y up), leaving out points off the plot', () => {
    const { ctx, drawn } = recordingContext();
    const examples: Example[] = [
      { x: [-1, 1], y: [0] },
      { x: [0.5, -0.5], y: [1] },
      { x: [9, 0], y: [1] },
    ];
    expect(paintPoints(ctx, examples, domain, size, targets, style)).toEqual({ filled: 2, hollow: 0 });
    expect(drawn).toEqual([
      { kind: 'arc', x: 0, y: 0, fill: red },
      { kind: 'arc', x: 240, y: 240, fill: blue },
    ]);
  });

  it('batches: 600,000 examples are a few hundred fills, not one element each, and drawn as dots', () => {
    const { ctx, drawn } = recordingContext();
    const examples: Example[] = Array.from({ length: 600_000 }, (_, i) => ({ x: [Math.sin(i), Math.cos(i * 1.3)], y: [i % 3 === 0 ? 1 : 0] }));
    expect(600_000).toBeGreaterThanOrEqual(DOTS_FROM);
    const counts = paintPoints(ctx, examples, domain, size, targets, style);
    expect(counts).toEqual({ filled: 600_000, hollow: 0 });
    expect(drawn.filter((d) => d.fill === red)).toHaveLength(400_000);
    expect(drawn.length).toBe(600_000);
    expect(drawn.every((d) => d.kind === 'rect')).toBe(true);
  });

  it('below the dot threshold, circles go in one path per few thousand points', () => {
    const { ctx } = recordingContext();
    const examples: Example[] = Array.from({ length: 20_000 }, (_, i) => ({ x: [0, 0], y: [i % 2] }));
    paintPoints(ctx, examples, domain, size, targets, style);
    expect(ctx.fills).toBeLessThanOrEqual(4);
  });

  it('draws k classes in their own colours and test examples hollow, over the others; hidden when test data is off', () => {
    const dataset = { classes: ['a', 'b', 'c'], examples: [] };
    const examples: Example[] = [
      { x: [0, 0], y: [0, 0, 1], test: true },
      { x: [-1, 1], y: [1, 0, 0] },
      { x: [0.5, -0.5], y: [0, 0, 1] },
    ];
    const shown = recordingContext();
    const scheme = pointScheme({ nodes, dataset }, true);
    expect(paintPoints(shown.ctx, examples, domain, size, scheme, style)).toEqual({ filled: 2, hollow: 1 });
    expect(shown.drawn).toEqual([
      { kind: 'arc', x: 0, y: 0, fill: red },
      { kind: 'arc', x: 240, y: 240, fill: green },
      { kind: 'arc', x: 160, y: 160, fill: HOLLOW_FILL },
    ]);
    const hidden = recordingContext();
    expect(paintPoints(hidden.ctx, examples, domain, size, pointScheme({ nodes, dataset }, false), style)).toEqual({ filled: 2, hollow: 0 });
  });

  it('colours regression points by value, on the same scale from the lowest target to the highest', () => {
    const examples: Example[] = [
      { x: [0, 0], y: [-2] },
      { x: [0.5, 0], y: [0] },
      { x: [1, 0], y: [2] },
    ];
    const { ctx, drawn } = recordingContext();
    paintPoints(ctx, examples, domain, size, pointScheme({ nodes, dataset: { problem: 'regression', examples } }, true), style);
    expect(drawn.map((d) => d.fill)).toEqual(['rgb(224, 69, 58)', 'rgb(247, 247, 249)', 'rgb(47, 111, 222)']);
  });
});
