import { createStore } from 'zustand/vanilla';
import { z } from 'zod';
import { readSetting, writeSetting, type SettingStorage } from '../store/remembered';

// How the plot is drawn (a setting of the window, remembered like the other view toggles, not
// part of the document): the 2-class map discretised to the class each cell would get, and
// whether the test examples are drawn (hollow) at all.

const plotViewSchema = z.strictObject({ discrete: z.boolean(), showTest: z.boolean() });
export type PlotViewState = z.infer<typeof plotViewSchema>;

const KEY = 'backprop-studio.plotView';
const DEFAULTS: PlotViewState = { discrete: false, showTest: true };

export function createPlotView(storage: SettingStorage) {
  const store = createStore<PlotViewState>(() => readSetting(storage, KEY, plotViewSchema, DEFAULTS));
  const set = (patch: Partial<PlotViewState>) => {
    store.setState(patch);
    writeSetting(storage, KEY, store.getState());
  };
  return Object.assign(store, {
    setDiscrete: (discrete: boolean) => set({ discrete }),
    setShowTest: (showTest: boolean) => set({ showTest }),
  });
}

export type PlotView = ReturnType<typeof createPlotView>;
