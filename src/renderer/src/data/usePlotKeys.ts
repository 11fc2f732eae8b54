import type { KeyboardEvent } from 'react';
import { clampToDomain, DEFAULT_DOMAIN } from './plotMapping';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

// The plot from the keyboard: arrows move the example in hand by 1 % of the plane (Shift: 10 %),
// one undo step per key press-and-hold; Delete or Backspace removes it; [ and ] pick the previous
// or next point as the example in hand.

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

function pick(studio: Studio, delta: number): void {
  const n = studio.document.getState().doc.dataset.examples.length;
  if (n === 0) return;
  const i = studio.live.getState().exampleIndex;
  studio.live.setState({ exampleIndex: i === null ? (delta > 0 ? 0 : n - 1) : (i + delta + n) % n });
}

function nudge(studio: Studio, index: number, [dx, dy]: [number, number], big: boolean): void {
  const doc = studio.document.getState().doc;
  const ex = doc.dataset.examples[index];
  if (!ex) return;
  const domain = doc.dataset.domain ?? DEFAULT_DOMAIN;
  const f = big ? 0.1 : 0.01;
  const p = clampToDomain(
    { x: (ex.x[0] ?? 0) + dx * f * (domain.x[1] - domain.x[0]), y: (ex.x[1] ?? 0) + dy * f * (domain.y[1] - domain.y[0]) },
    domain,
  );
  const x = ex.x.slice();
  x[0] = p.x;
  x[1] = p.y;
  studio.document.moveExample(index, x, { history: false });
}

export function usePlotKeys() {
  const studio = useStudio();
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '[' || e.key === ']') {
      e.preventDefault();
      pick(studio, e.key === ']' ? 1 : -1);
      return;
    }
    const index = studio.live.getState().exampleIndex;
    if (index === null) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      studio.document.removeExample(index);
      studio.live.setState({ exampleIndex: null });
    } else if (ARROWS[e.key]) {
      e.preventDefault();
      nudge(studio, index, ARROWS[e.key], e.shiftKey);
    }
  };
  const onKeyUp = (e: KeyboardEvent<HTMLElement>) => {
    const index = studio.live.getState().exampleIndex;
    const ex = index === null ? undefined : studio.document.getState().doc.dataset.examples[index];
    if (ARROWS[e.key] && ex) studio.document.moveExample(index!, ex.x, { history: true }); // ends the run: one undo step
  };
  return { onKeyDown, onKeyUp };
}
