import { useEffect } from 'react';
import { registerCommand } from './commands';
import { showAbout, togglePanels } from './store/view';

// View → Toggle Panels (also Ctrl/⌘+\ in the page) and Help → About.
export function useViewCommands(): void {
  useEffect(() => {
    const offs = [registerCommand('view.togglePanels', togglePanels), registerCommand('help.about', () => showAbout())];
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === '\\') {
        e.preventDefault();
        togglePanels();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
