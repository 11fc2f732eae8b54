// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NodeThumbnail } from '../../../src/renderer/src/data/NodeThumbnail';
import { PointCounts } from '../../../src/renderer/src/data/PointCounts';
import { useHover } from '../../../src/renderer/src/data/hover';
import { loadDocument, setExamples, emptyDocument } from '../../../src/renderer/src/store/document';
import { useLive } from '../../../src/renderer/src/store/live';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  loadDocument(emptyDocument());
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('NodeThumbnail', () => {
  it("is a labelled image of the neuron's map, and hovering it shows that map large in the plot", () => {
    act(() => root.render(<NodeThumbnail nodeId="h1" />));
    const canvas = host.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toBe('map of z for h1');
    act(() => canvas.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
    act(() => canvas.dispatchEvent(new PointerEvent('pointerenter', { bubbles: false })));
    expect(useHover.getState().hoveredNodeId).toBe('h1');
    act(() => canvas.dispatchEvent(new PointerEvent('pointerout', { bubbles: true })));
    act(() => canvas.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false })));
    expect(useHover.getState().hoveredNodeId).toBeNull();
  });
});

describe('PointCounts', () => {
  it('counts red and blue points and names the example in hand', () => {
    act(() => root.render(<PointCounts />));
    expect(host.textContent).toBe('0 points: 0 red, 0 blue');
    act(() => {
      setExamples([
        { x: [0.5, -0.25], y: [1] },
        { x: [0, 0], y: [0] },
        { x: [1, 1], y: [0] },
      ]);
      useLive.setState({ exampleIndex: 0 });
    });
    expect(host.textContent).toBe('3 points: 2 red, 1 blue · example in hand: #1 (0.5, -0.25)');
  });
});
