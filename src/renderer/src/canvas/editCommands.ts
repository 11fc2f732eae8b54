import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CommandId } from '../../../shared/commands';
import { useStudio } from '../studio/StudioContext';

const FIT = { padding: 0.15, maxZoom: 1.3, duration: 200 };

// The canvas's own commands (view.zoom/fit/layout) need React Flow's instance, so the canvas
// registers them; the edit.* commands are the studio's (studio/createStudio.ts).
export function useCanvasCommands(): void {
  const studio = useStudio();
  const flow = useReactFlow();
  useEffect(() => {
    const commands: [CommandId, () => void | Promise<void>][] = [
      ['view.zoomIn', () => void flow.zoomIn({ duration: 150 })],
      ['view.zoomOut', () => void flow.zoomOut({ duration: 150 })],
      ['view.fit', () => void flow.fitView(FIT)],
      ['view.layout', async () => {
        await studio.autoLayout.run();
        requestAnimationFrame(() => void flow.fitView(FIT));
      }],
    ];
    const offs = commands.map(([id, run]) => studio.commands.register(id, run));
    return () => offs.forEach((off) => off());
  }, [studio, flow]);
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

export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
