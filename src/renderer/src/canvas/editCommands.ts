import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CommandId } from '../../../shared/commands';
import { registerCommand, runCommand } from '../commands';
import { redo, undo } from '../store/document';
import { selectAll } from '../store/selection';
import { runAutoLayout } from '../layout/autoLayout';
import { copySelection, cutSelection, deleteSelection, duplicateSelection, paste } from './clipboard';

const FIT = { padding: 0.15, maxZoom: 1.3, duration: 200 };

// The editor's commands (edit.*, view.zoom/fit/layout), run by menus, buttons, tests and the
// keyboard shortcuts below.
export function useEditCommands(): void {
  const flow = useReactFlow();
  useEffect(() => {
    const commands: [CommandId, () => void | Promise<void>][] = [
      ['edit.undo', () => void undo()],
      ['edit.redo', () => void redo()],
      ['edit.copy', () => void copySelection()],
      ['edit.cut', () => void cutSelection()],
      ['edit.paste', () => void paste()],
      ['edit.duplicate', () => void duplicateSelection()],
      ['edit.delete', () => void deleteSelection()],
      ['edit.selectAll', selectAll],
      ['view.zoomIn', () => void flow.zoomIn({ duration: 150 })],
      ['view.zoomOut', () => void flow.zoomOut({ duration: 150 })],
      ['view.fit', () => void flow.fitView(FIT)],
      ['view.layout', async () => {
        await runAutoLayout();
        requestAnimationFrame(() => void flow.fitView(FIT));
      }],
    ];
    const offs = commands.map(([id, run]) => registerCommand(id, run));
    return () => offs.forEach((off) => off());
  }, [flow]);
}

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
  return null;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** keyboard shortcuts for the editor's commands, ignored while a person types into a field */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typingInto(e.target)) return;
      const id = shortcutFor(e);
      if (!id) return;
      e.preventDefault();
      void runCommand(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
