import type { CommandId } from '../../../shared/commands';

// The editor's key chords (Ctrl+Z, Delete…): which command a key press runs. The studio's
// keyboard service (studio/keyboard.ts) listens; menus and buttons run the same commands.

/** the key chord → command table; `mod` is Ctrl, or ⌘ on a Mac */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CommandId | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'edit.redo' : 'edit.undo';
    if (key === 'y') return 'edit.redo';
    if (key === 'c') return 'edit.copy';
    if (key === 'x') return 'edit.cut';
    if (key === 'v') return 'edit.paste';
    if (key === 'd') return 'edit.duplicate';
    if (key === 'a') return 'edit.selectAll';
    if (key === '=' || key === '+') return 'view.zoomIn';
    if (key === '-') return 'view.zoomOut';
    if (key === '0') return 'view.fit';
    if (key === 'l' && e.shiftKey) return 'view.layout';
    return null;
  }
  if (key === 'Delete' || key === 'Backspace') return 'edit.delete';
  // O: the selection off (ablation) or back on
  if (key === 'o') return 'edit.toggleOff';
  return null;
}

export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
