import { createStore, type StoreApi } from 'zustand/vanilla';
import { z } from 'zod';
import { readSetting, writeSetting, type SettingStorage } from './remembered';

// How the window is arranged (not part of the document, not in undo): whether the side panels
// are shown — hidden, the canvas takes the whole window —, presentation mode (larger type, the
// editing chrome hidden, the plot and the loss kept: for a projector), which side panels are
// closed to their headings, which tab of the details area under the canvas is shown and whether
// that area is open, what a drag on the empty canvas does, and whether the About box is open.
// Everything but the panels' and presentation's visibility and the About box is remembered.

export const DETAIL_TABS = ['inspector', 'formulas', 'stepper', 'worksheet'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

const detailsSchema = z.strictObject({ tab: z.enum(DETAIL_TABS), open: z.boolean() });
export type DetailsState = z.infer<typeof detailsSchema>;

export interface ViewState {
  panelsHidden: boolean;
  presenting: boolean;
  /** ids of the side panels closed to their headings */
  closedPanels: readonly string[];
  details: DetailsState;
  /** a drag on the empty canvas pans it (wheel zooms); false: it draws a selection box (wheel pans) */
  dragPans: boolean;
  aboutOpen: boolean;
}

const CLOSED_KEY = 'backprop-studio.closedPanels';
const DETAILS_KEY = 'backprop-studio.details';
const DRAG_KEY = 'backprop-studio.dragPans';
const DEFAULT_DETAILS: DetailsState = { tab: 'inspector', open: true };

export function createView(storage: SettingStorage) {
  const store: StoreApi<ViewState> = createStore<ViewState>(() => ({
    panelsHidden: false,
    presenting: false,
    closedPanels: readSetting(storage, CLOSED_KEY, z.array(z.unknown()), []).filter((v): v is string => typeof v === 'string'),
    details: readSetting(storage, DETAILS_KEY, detailsSchema, DEFAULT_DETAILS),
    dragPans: readSetting(storage, DRAG_KEY, z.boolean(), true),
    aboutOpen: false,
  }));
  const setDetails = (details: DetailsState) => {
    store.setState({ details });
    writeSetting(storage, DETAILS_KEY, details);
  };
  return Object.assign(store, {
    togglePanels: () => store.setState((s) => ({ panelsHidden: !s.panelsHidden })),
    togglePresenting: () => store.setState((s) => ({ presenting: !s.presenting })),
    /** opens a closed side panel or closes an open one, and remembers it */
    togglePanel(id: string): void {
      const closed = store.getState().closedPanels;
      const next = closed.includes(id) ? closed.filter((c) => c !== id) : [...closed, id];
      store.setState({ closedPanels: next });
      writeSetting(storage, CLOSED_KEY, next);
    },
    /** shows one tab of the details area, opening it */
    showDetail: (tab: DetailTab) => setDetails({ tab, open: true }),
    toggleDetails: () => setDetails({ ...store.getState().details, open: !store.getState().details.open }),
    setDragPans(dragPans: boolean): void {
      store.setState({ dragPans });
      writeSetting(storage, DRAG_KEY, dragPans);
    },
    showAbout: (open = true) => store.setState({ aboutOpen: open }),
  });
}

export type View = ReturnType<typeof createView>;
