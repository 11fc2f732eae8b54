import type { Commands } from '../commands';
import { shortcutFor, typingInto } from '../canvas/editShortcuts';
import type { StepperActions } from '../stepper/actions';
import type { StepperStore } from '../stepper/store';
import { stepperActionFor } from '../stepper/stepperKeys';
import type { View } from '../store/view';

// The window's keyboard shortcuts, in one listener: the editor's chords (Ctrl+Z, Delete…), the
// panels' Ctrl/⌘+\ and the step-through's keys. Menus and buttons run the same commands.

export interface KeyboardDeps {
  commands: Pick<Commands, 'run'>;
  view: Pick<View, 'togglePanels' | 'togglePresenting' | 'getState'>;
  steps: Pick<StepperActions, 'stepForward' | 'stepBack' | 'runToEnd'>;
  stepper: StepperStore;
}

export function handleKey(e: KeyboardEvent, { commands, view, steps, stepper }: KeyboardDeps): void {
  if (e.defaultPrevented) return;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === '\\') {
    e.preventDefault();
    view.togglePanels();
    return;
  }
  if (isPresentKey(e)) {
    e.preventDefault();
    view.togglePresenting();
    return;
  }
  const step = stepperActionFor(e, stepper.getState().active, steps);
  if (step) {
    e.preventDefault();
    step();
    return;
  }
  if (typingInto(e.target)) return;
  if (e.key === 'Escape' && view.getState().presenting) {
    e.preventDefault();
    view.togglePresenting();
    return;
  }
  const id = shortcutFor(e);
  if (!id) return;
  e.preventDefault();
  void commands.run(id);
}

/** Ctrl/⌘+Shift+P: presentation mode on and off (Escape also leaves it) */
export function isPresentKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p';
}

export function createKeyboard(deps: KeyboardDeps, target: Pick<Window, 'addEventListener' | 'removeEventListener'>) {
  const onKey = (e: KeyboardEvent) => handleKey(e, deps);
  return {
    start: () => target.addEventListener('keydown', onKey),
    stop: () => target.removeEventListener('keydown', onKey),
  };
}
