// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NodeThumbnail } from '../../../src/renderer/src/data/NodeThumbnail';
import { PointCounts } from '../../../src/renderer/src/data/PointCounts';
import { PlotPoints } from '../../../src/renderer/src/data/PlotPoints';
import { emptyDocument } from '../../../src/renderer/src/store/document';
import { testStudio } from '../studio/fakeEnv';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  studio.document.loadDocument(emptyDocument());
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('NodeThumbnail', () => {
  it("is a labelled image of the neuron's map, and hovering it shows that map large in the plot", () => {
    act(() => root.render(<StudioProvider studio={studio}><NodeThumbnail nodeId="h1" /></StudioProvider>));
    const canvas = host.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toBe('map of z for h1');
    act(() => canvas.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
    act(() => canvas.dispatchEvent(new PointerEvent('pointerenter', { bubbles: false })));
    expect(studio.hover.getState().hoveredNodeId).toBe('h1');
    act(() => canvas.dispatchEvent(new PointerEvent('pointerout', { bubbles: true })));
    act(() => canvas.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false })));
    expect(studio.hover.getState().hoveredNodeId).toBeNull();
  });
});

describe('NodeThumbnail on a big graph', () => {
  it('leaves a thumbnail with no map yet alone: no 2-D context per node on the first paint', () => {
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    act(() =>
      root.render(
        <StudioProvider studio={studio}>
          {Array.from({ length: 50 }, (_, i) => (
            <NodeThumbnail key={i} nodeId={`n${i}`} />
          ))}
        </StudioProvider>,
      ),
    );
    expect(host.querySelectorAll('canvas')).toHaveLength(50);
    expect(getContext).not.toHaveBeenCalled();
    getContext.mockRestore();
  });
});

describe('PointCounts', () => {
  it('counts red and blue points and names the example in hand', () => {
    act(() => root.render(<StudioProvider studio={studio}><PointCounts /></StudioProvider>));
    expect(host.textContent).toBe('0 points: 0 red, 0 blue');
    act(() => {
      studio.document.setExamples([
        { x: [0.5, -0.25], y: [1] },
        { x: [0, 0], y: [0] },
        { x: [1, 1], y: [0] },
      ]);
      studio.live.setState({ exampleIndex: 0 });
    });
    expect(host.textContent).toBe('3 points: 2 red, 1 blue · example in hand: #1 (0.5, -0.25)');
  });
});

describe('PlotPoints', () => {
  const size = { width: 320, height: 320 };
  it('draws a few points as SVG circles and rings the example in hand', () => {
    studio.document.setExamples([{ x: [0, 0], y: [0] }, { x: [0.5, 0.5], y: [1] }]);
    studio.live.setState({ exampleIndex: 1 });
    act(() => root.render(<StudioProvider studio={studio}><PlotPoints size={size} /></StudioProvider>));
    expect(host.querySelectorAll('circle.point')).toHaveLength(2);
    expect(host.querySelector('circle.point-selected')?.getAttribute('cx')).toBe('240');
  });

  it('draws 100,000 points on one canvas, not 100,000 elements, and still rings the example in hand', () => {
    const examples = Array.from({ length: 100_000 }, (_, i) => ({ x: [Math.sin(i), Math.cos(i)], y: [i % 2] }));
    studio.document.setExamples(examples);
    studio.live.setState({ exampleIndex: 7 });
    act(() => root.render(<StudioProvider studio={studio}><PlotPoints size={size} /></StudioProvider>));
    expect(host.querySelectorAll('circle.point')).toHaveLength(0);
    expect(host.querySelector('[data-testid="plot-points-canvas"]')?.getAttribute('data-count')).toBe('100000');
    expect(host.querySelectorAll('circle.point-selected')).toHaveLength(1);
  });
});
