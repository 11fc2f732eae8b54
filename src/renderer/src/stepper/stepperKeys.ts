import type { StepperActions } from './actions';

// N or → : next step (N also starts); B or ← : back; End: run to the end of the example;
// P: predict on and off (while stepping).
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

/** the step-through's action for `key`, or null; `active`: a step-through is under way */
export function stepperActionFor(
  e: KeyboardEvent,
  active: boolean,
  steps: Pick<StepperActions, 'stepForward' | 'stepBack' | 'runToEnd'> & Partial<Pick<StepperActions, 'togglePredict'>>,
): (() => void) | null {
  if (ignored(e)) return null;
  const key = e.key;
  if (key === 'n' || key === 'N') return steps.stepForward;
  if (!active) return null;
  if (key === 'ArrowRight') return steps.stepForward;
  if (key === 'b' || key === 'B' || key === 'ArrowLeft') return steps.stepBack;
  if (key === 'End') return steps.runToEnd;
  if ((key === 'p' || key === 'P') && steps.togglePredict) return steps.togglePredict;
  return null;
}
