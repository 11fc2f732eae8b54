import { create } from 'zustand';

// How the window is arranged (not part of the document, not in undo): whether the side panels
// are shown — hidden, the canvas takes the whole window, as a teacher projecting it wants —,
// which of them are closed to their headings (remembered across sessions), and whether the
// About box is open.
interface ViewState {
  panelsHidden: boolean;
  /** ids of the side panels closed to their headings */
  closedPanels: readonly string[];
  aboutOpen: boolean;
}

const CLOSED_KEY = 'backprop-studio.closedPanels';

function readClosed(): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(CLOSED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export const useView = create<ViewState>(() => ({ panelsHidden: false, closedPanels: readClosed(), aboutOpen: false }));

export function togglePanels(): void {
  useView.setState((s) => ({ panelsHidden: !s.panelsHidden }));
}

/** opens a closed side panel or closes an open one, and remembers it */
export function togglePanel(id: string): void {
  const closed = useView.getState().closedPanels;
  const next = closed.includes(id) ? closed.filter((c) => c !== id) : [...closed, id];
  useView.setState({ closedPanels: next });
  try {
    globalThis.localStorage?.setItem(CLOSED_KEY, JSON.stringify(next));
  } catch {
    /* a browser without storage forgets it with the window */
  }
}

export function showAbout(open = true): void {
  useView.setState({ aboutOpen: open });
}
