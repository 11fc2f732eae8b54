import { create } from 'zustand';

// How the window is arranged (not part of the document, not in undo): whether the side panels
// are shown — hidden, the canvas takes the whole window, as a teacher projecting it wants — and
// whether the About box is open.
interface ViewState {
  panelsHidden: boolean;
  aboutOpen: boolean;
}

export const useView = create<ViewState>(() => ({ panelsHidden: false, aboutOpen: false }));

export function togglePanels(): void {
  useView.setState((s) => ({ panelsHidden: !s.panelsHidden }));
}

export function showAbout(open = true): void {
  useView.setState({ aboutOpen: open });
}
