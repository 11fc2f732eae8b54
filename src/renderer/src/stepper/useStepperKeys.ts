import { useEffect } from 'react';
import { runToEnd, stepBack, stepForward } from './actions';
import { useStepper } from './store';

// N or → : next step (N also starts); B or ← : back; End: run to the end of the example.
// Keys typed into a field, with a modifier, or aimed at a focused canvas element are left alone.

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const CANVAS_ELEMENT = '.react-flow__node, .react-flow__edge';

function ignored(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return true;
  const target = e.target instanceof Element ? e.target : null;
  if (!target) return false;
  if (target.closest(EDITABLE)) return true;
  return e.key.startsWith('Arrow') && target.closest(CANVAS_ELEMENT) !== null;
}

function actionFor(key: string, active: boolean): (() => void) | null {
  if (key === 'n' || key === 'N') return stepForward;
  if (!active) return null;
  if (key === 'ArrowRight') return stepForward;
  if (key === 'b' || key === 'B' || key === 'ArrowLeft') return stepBack;
  if (key === 'End') return runToEnd;
  return null;
}

export function handleStepperKey(e: KeyboardEvent): void {
  if (ignored(e)) return;
  const action = actionFor(e.key, useStepper.getState().active);
  if (!action) return;
  e.preventDefault();
  action();
}

export function useStepperKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleStepperKey);
    return () => window.removeEventListener('keydown', handleStepperKey);
  }, []);
}
