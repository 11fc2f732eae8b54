import { createStore, type StoreApi } from 'zustand/vanilla';

// How the window is arranged (not part of the document, not in undo): whether the side panels
// are shown — hidden, the canvas takes the whole window, as a teacher projecting it wants —,
// which of them are closed to their headings (remembered across sessions), and whether the
// About box is open.
export interface ViewState {
  panelsHidden: boolean;
  /** ids of the side panels closed to their headings */
  closedPanels: readonly string[];
  aboutOpen: boolean;
}

const CLOSED_KEY = 'backprop-studio.closedPanels';

type Storage_ = Pick<Storage, 'getItem' | 'setItem'> | null;

function readClosed(storage: Storage_): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(CLOSED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function createView(storage: Storage_) {
  const store: StoreApi<ViewState> = createStore<ViewState>(() => ({
    panelsHidden: false,
    closedPanels: readClosed(storage),
    aboutOpen: false,
  }));
  return Object.assign(store, {
    togglePanels: () => store.setState((s) => ({ panelsHidden: !s.panelsHidden })),
    /** opens a closed side panel or closes an open one, and remembers it */
    togglePanel(id: string): void {
      const closed = store.getState().closedPanels;
      const next = closed.includes(id) ? closed.filter((c) => c !== id) : [...closed, id];
      store.setState({ closedPanels: next });
      try {
        storage?.setItem(CLOSED_KEY, JSON.stringify(next));
      } catch {
        /* a browser without storage forgets it with the window */
      }
    },
    showAbout: (open = true) => store.setState({ aboutOpen: open }),
  });
}

export type View = ReturnType<typeof createView>;
