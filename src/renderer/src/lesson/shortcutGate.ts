import type { Hideable, Lock } from '../../../engine';
import type { CommandId } from '../../../shared/commands';
import { selectStep, type LessonState } from './store';
import { hiddenNow } from './visibility';

// Which keyboard shortcuts the shown lesson step makes inert: those of a control it hides (Space
// when Play is hidden, N/B/End/P when the step-through's details area is) or locks (Delete, Ctrl+X,
// Ctrl+V, Ctrl+D and O under the topology lock; Reset under the weights lock). The keyboard
// service (studio/keyboard.ts) asks this one table before it runs any shortcut, and the desktop
// menu's commands (files/fileCommands.ts runMenuCommand) before they run.

/** what a shortcut runs: a command, or the step-through's keys */
export type ShortcutTarget = CommandId | 'stepper';

/** the hideable control each shortcut belongs to */
const HIDDEN_WITH: Partial<Record<ShortcutTarget, Hideable>> = {
  'training.playPause': 'play',
  'training.step': 'step',
  'training.epoch': 'step',
  'training.reset': 'reset',
  stepper: 'details',
};

/** the lock that forbids what each shortcut does */
const LOCKED_BY: Partial<Record<ShortcutTarget, Lock>> = {
  'training.reset': 'weights',
  'edit.cut': 'topology',
  'edit.paste': 'topology',
  'edit.delete': 'topology',
  'edit.duplicate': 'topology',
  'edit.toggleOff': 'topology',
};

/** the shortcut does nothing while the shown step hides its control or locks what it changes */
export function shortcutInert(target: ShortcutTarget, s: LessonState): boolean {
  const hide = HIDDEN_WITH[target];
  if (hide !== undefined && hiddenNow(s).includes(hide)) return true;
  const lock = LOCKED_BY[target];
  return lock !== undefined && (selectStep(s)?.locks ?? []).includes(lock);
}
