import type { CommandId } from '../../../shared/commands';
import type { Commands } from '../commands';

// In the browser (the desktop has menu accelerators instead): Ctrl/Cmd+N, O, S, Shift+S.

export function fileShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CommandId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key.toLowerCase()) {
    case 'n':
      return e.shiftKey ? null : 'file.new';
    case 'o':
      return e.shiftKey ? null : 'file.open';
    case 's':
      return e.shiftKey ? 'file.saveAs' : 'file.save';
    default:
      return null;
  }
}

export function installFileShortcuts(commands: Pick<Commands, 'run'>, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const id = fileShortcut(e);
    if (!id) return;
    e.preventDefault();
    void commands.run(id);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
