import type { KeyboardEvent } from 'react';
import { clampToDomain, DEFAULT_DOMAIN } from './plotMapping';
import { classCount } from './classes';
import { isFunctionFit } from './plotCoords';
import { editedExamples, toggledTest } from './brush';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

// The plot from the keyboard: arrows move the example in hand by 1 % of the plane (Shift: 10 %),
// one undo step per key press-and-hold; Delete or Backspace removes it; [ and ] pick the previous
// or next point as the example in hand; 1 … k choose the class of new points (classification);
// T marks the example in hand as a test example, or back as a training one (one undo step).

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
  const functionFit = isFunctionFit(doc.dataset);
  if (functionFit && dy !== 0) return; // a 1-D fit's height is its value: set it in the value field
  const domain = doc.dataset.domain ?? DEFAULT_DOMAIN;
  const f = big ? 0.1 : 0.01;
  const p = clampToDomain(
    { x: (ex.x[0] ?? 0) + dx * f * (domain.x[1] - domain.x[0]), y: (ex.x[1] ?? 0) + dy * f * (domain.y[1] - domain.y[0]) },
    domain,
  );
  const x = ex.x.slice();
  x[0] = p.x;
  if (!functionFit) x[1] = p.y;
  studio.document.moveExample(index, x, { history: false });
}

/** the class a digit key chooses (1 → class 0), or null when it names no class of the set */
export function classOfKey(key: string, k: number): number | null {
  const n = /^[1-9]$/.test(key) ? Number(key) : 0;
  return n >= 1 && n <= k ? n - 1 : null;
}

/** marks example `index` test, or back to training: one undo step */
export function toggleTestOf(studio: Studio, index: number): void {
  const examples = studio.document.getState().doc.dataset.examples;
  if (!examples[index]) return;
  const becomesTest = !examples[index].test;
  studio.document.setExamples(editedExamples(examples, index, toggledTest), becomesTest ? 'Mark test point' : 'Mark training point');
}

export function usePlotKeys(chooseClass: (cls: number) => void) {
  const studio = useStudio();
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '[' || e.key === ']') {
      e.preventDefault();
      pick(studio, e.key === ']' ? 1 : -1);
      return;
    }
    const dataset = studio.document.getState().doc.dataset;
    const cls = dataset.problem === 'regression' ? null : classOfKey(e.key, classCount(dataset));
    if (cls !== null) {
      e.preventDefault();
      chooseClass(cls);
      return;
    }
    const index = studio.live.getState().exampleIndex;
    if (index === null) return;
    if (e.key === 't' || e.key === 'T') {
      e.preventDefault();
      toggleTestOf(studio, index);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
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
