import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { Domain } from '../../../engine/format/types';
import { clampToDomain, DEFAULT_DOMAIN, nearestPoint, toPlane, type PlotSize, type Point } from './plotMapping';
import { brushExample, editedExamples, type Brush } from './brush';
import { isFunctionFit } from './plotCoords';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

// Click adds a point of the chosen class (shift: the other one; regression: of the chosen value,
// or, fitting a 1-D function, of the value where it is placed); pressing within SELECT_PX of a
// point makes it the example in hand, and dragging it moves it (one undo entry per drag);
// right-click or Ctrl/Alt-click deletes the nearest point within DELETE_PX.

export const SELECT_PX = 6;
export const DELETE_PX = 12;
const DRAG_PX = 3;

type Gesture = { kind: 'drag'; index: number; start: Point; moved: boolean } | { kind: 'add'; start: Point; shift: boolean };

function localPoint(e: ReactPointerEvent<HTMLElement>): Point {
  const rect = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - rect.left, y: e.clientY - rect.top };
}

const domainOf = (studio: Studio): Domain => studio.document.getState().doc.dataset.domain ?? DEFAULT_DOMAIN;
const fitsFunction = (studio: Studio): boolean => isFunctionFit(studio.document.getState().doc.dataset);
const far = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) > DRAG_PX;

function deleteNearest(studio: Studio, px: Point, size: PlotSize): void {
  const examples = studio.document.getState().doc.dataset.examples;
  const hit = nearestPoint(examples, px, domainOf(studio), size, DELETE_PX, fitsFunction(studio));
  if (hit === null) return;
  studio.document.removeExample(hit);
  const selected = studio.live.getState().exampleIndex;
  if (selected === null) return;
  studio.live.setState({ exampleIndex: selected === hit ? null : selected > hit ? selected - 1 : selected });
}

function addPoint(studio: Studio, px: Point, size: PlotSize, brush: Brush, shift: boolean): void {
  const doc = studio.document.getState().doc;
  const p = clampToDomain(toPlane(px, domainOf(studio), size), domainOf(studio));
  studio.document.addExample(brushExample(doc, p.x, p.y, brush, shift));
  studio.live.setState({ exampleIndex: studio.document.getState().doc.dataset.examples.length - 1 });
}

function movePoint(studio: Studio, index: number, px: Point, size: PlotSize, history: boolean): void {
  const old = studio.document.getState().doc.dataset.examples[index];
  if (!old) return;
  const p = clampToDomain(toPlane(px, domainOf(studio), size), domainOf(studio));
  const x = old.x.slice();
  x[0] = p.x;
  if (!fitsFunction(studio)) {
    x[1] = p.y;
    studio.document.moveExample(index, x, { history });
    return;
  }
  // a 1-D fit's point: x₁ follows the pointer as it moves, its value (y) is set at the drop
  if (!history) studio.document.moveExample(index, x, { history: false });
  else studio.document.setExamples(editedExamples(studio.document.getState().doc.dataset.examples, index, (e) => ({ ...e, x, y: e.y.map(() => p.y) })), 'Move point');
}

export function usePlotPointer(size: PlotSize, brush: Brush) {
  const studio = useStudio();
  const gesture = useRef<Gesture | null>(null);

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    const px = localPoint(e);
    if (e.button === 2 || (e.button === 0 && (e.ctrlKey || e.altKey))) {
      e.preventDefault();
      deleteNearest(studio, px, size);
      return;
    }
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const hit = nearestPoint(studio.document.getState().doc.dataset.examples, px, domainOf(studio), size, SELECT_PX, fitsFunction(studio));
    if (hit !== null) {
      studio.live.setState({ exampleIndex: hit });
      gesture.current = { kind: 'drag', index: hit, start: px, moved: false };
    } else {
      gesture.current = { kind: 'add', start: px, shift: e.shiftKey };
    }
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const g = gesture.current;
    if (g?.kind !== 'drag') return;
    const px = localPoint(e);
    if (!g.moved && !far(px, g.start)) return;
    g.moved = true;
    movePoint(studio, g.index, px, size, false);
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLElement>) => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    const px = localPoint(e);
    if (g.kind === 'drag' && g.moved) movePoint(studio, g.index, px, size, true);
    if (g.kind === 'add' && !far(px, g.start)) addPoint(studio, px, size, brush, g.shift);
  };

  const onPointerCancel = () => {
    const g = gesture.current;
    gesture.current = null;
    if (g?.kind === 'drag' && g.moved) {
      const ex = studio.document.getState().doc.dataset.examples[g.index];
      if (ex) studio.document.moveExample(g.index, ex.x, { history: true });
    }
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onContextMenu: (e: { preventDefault(): void }) => e.preventDefault() };
}
