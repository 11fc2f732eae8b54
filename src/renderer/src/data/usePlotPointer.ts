import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { Domain } from '../../../engine/format/types';
import { addExample, moveExample, removeExample, useDocument } from '../store/document';
import { useLive } from '../store/live';
import { exampleShape, pointExample } from './examples';
import { clampToDomain, DEFAULT_DOMAIN, nearestPoint, toPlane, type PlotSize, type Point } from './plotMapping';
import { targetValues } from './targets';

// Click adds a point of the chosen class (shift: the other one); pressing within SELECT_PX of a
// point makes it the example in hand, and dragging it moves it (one undo entry per drag);
// right-click or Ctrl/Alt-click deletes the nearest point within DELETE_PX.

export const SELECT_PX = 6;
export const DELETE_PX = 12;
const DRAG_PX = 3;

export type PointClass = 'low' | 'high';

type Gesture = { kind: 'drag'; index: number; start: Point; moved: boolean } | { kind: 'add'; start: Point; cls: PointClass };

function localPoint(e: ReactPointerEvent<HTMLElement>): Point {
  const rect = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - rect.left, y: e.clientY - rect.top };
}

const domainOf = (): Domain => useDocument.getState().doc.dataset.domain ?? DEFAULT_DOMAIN;
const far = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) > DRAG_PX;

function deleteNearest(px: Point, size: PlotSize): void {
  const examples = useDocument.getState().doc.dataset.examples;
  const hit = nearestPoint(examples, px, domainOf(), size, DELETE_PX);
  if (hit === null) return;
  removeExample(hit);
  const selected = useLive.getState().exampleIndex;
  if (selected === null) return;
  useLive.setState({ exampleIndex: selected === hit ? null : selected > hit ? selected - 1 : selected });
}

function addPoint(px: Point, size: PlotSize, cls: PointClass): void {
  const doc = useDocument.getState().doc;
  const p = clampToDomain(toPlane(px, domainOf(), size), domainOf());
  const targets = targetValues(doc);
  addExample(pointExample(p.x, p.y, cls === 'high' ? targets.high : targets.low, exampleShape(doc)));
  useLive.setState({ exampleIndex: useDocument.getState().doc.dataset.examples.length - 1 });
}

function movePoint(index: number, px: Point, size: PlotSize, history: boolean): void {
  const old = useDocument.getState().doc.dataset.examples[index];
  if (!old) return;
  const p = clampToDomain(toPlane(px, domainOf(), size), domainOf());
  const x = old.x.slice();
  x[0] = p.x;
  x[1] = p.y;
  moveExample(index, x, { history });
}

export function usePlotPointer(size: PlotSize, chosen: PointClass) {
  const gesture = useRef<Gesture | null>(null);

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    const px = localPoint(e);
    if (e.button === 2 || (e.button === 0 && (e.ctrlKey || e.altKey))) {
      e.preventDefault();
      deleteNearest(px, size);
      return;
    }
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const hit = nearestPoint(useDocument.getState().doc.dataset.examples, px, domainOf(), size, SELECT_PX);
    if (hit !== null) {
      useLive.setState({ exampleIndex: hit });
      gesture.current = { kind: 'drag', index: hit, start: px, moved: false };
    } else {
      const other: PointClass = chosen === 'low' ? 'high' : 'low';
      gesture.current = { kind: 'add', start: px, cls: e.shiftKey ? other : chosen };
    }
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const g = gesture.current;
    if (g?.kind !== 'drag') return;
    const px = localPoint(e);
    if (!g.moved && !far(px, g.start)) return;
    g.moved = true;
    movePoint(g.index, px, size, false);
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLElement>) => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    const px = localPoint(e);
    if (g.kind === 'drag' && g.moved) movePoint(g.index, px, size, true);
    if (g.kind === 'add' && !far(px, g.start)) addPoint(px, size, g.cls);
  };

  const onPointerCancel = () => {
    const g = gesture.current;
    gesture.current = null;
    if (g?.kind === 'drag' && g.moved) {
      const ex = useDocument.getState().doc.dataset.examples[g.index];
      if (ex) moveExample(g.index, ex.x, { history: true });
    }
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onContextMenu: (e: { preventDefault(): void }) => e.preventDefault() };
}
