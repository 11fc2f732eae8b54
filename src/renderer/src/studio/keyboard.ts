import type { Commands } from '../commands';
import { shortcutFor, typingInto } from '../canvas/editShortcuts';
import type { ShortcutTarget } from '../lesson/shortcutGate';
import type { StepperActions } from '../stepper/actions';
import type { StepperStore } from '../stepper/store';
import { stepperActionFor } from '../stepper/stepperKeys';
import type { View } from '../store/view';

// The window's keyboard shortcuts, in one listener: the editor's chords (Ctrl+Z, Delete…), the
// panels' Ctrl/⌘+\, the step-through's keys and Space for Play/Pause. Menus and buttons run the
// same commands. A shortcut whose control the shown lesson step hides or locks does nothing
// (`inert`, lesson/shortcutGate.ts), asked here once for every shortcut.

/** where Space means Play/Pause: the page itself or the graph canvas (a focused button or field keeps its own Space) */
const PLAY_SPACE_TARGETS = '.graph-canvas';

/** Space, unmodified, aimed at the page or the canvas: Play/Pause */
export function isPlayPauseKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'repeat'>): boolean {
  if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.repeat) return false;
  const target = e.target;
  if (!(target instanceof Element) || target === target.ownerDocument.body || target === target.ownerDocument.documentElement) return true;
  return !typingInto(target) && target.closest(PLAY_SPACE_TARGETS) !== null;
}

export interface KeyboardDeps {
  commands: Pick<Commands, 'run'>;
  view: Pick<View, 'togglePanels' | 'togglePresenting' | 'getState'>;
  steps: Pick<StepperActions, 'stepForward' | 'stepBack' | 'runToEnd'>;
  stepper: StepperStore;
  /** the shortcut's control is hidden or locked by the lesson: the key does nothing */
  inert: (target: ShortcutTarget) => boolean;
}

/** the key is taken (its default prevented) and runs `run` unless the lesson makes it inert */
function take(e: KeyboardEvent, target: ShortcutTarget, inert: KeyboardDeps['inert'], run: () => void): void {
  e.preventDefault();
  if (!inert(target)) run();
}

export function handleKey(e: KeyboardEvent, { commands, view, steps, stepper, inert }: KeyboardDeps): void {
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
  if (step) return take(e, 'stepper', inert, step);
  if (isPlayPauseKey(e)) return take(e, 'training.playPause', inert, () => void commands.run('training.playPause'));
  if (typingInto(e.target)) return;
  if (e.key === 'Escape' && view.getState().presenting) {
    e.preventDefault();
    view.togglePresenting();
    return;
  }
  const id = shortcutFor(e);
  if (id) take(e, id, inert, () => void commands.run(id));
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
