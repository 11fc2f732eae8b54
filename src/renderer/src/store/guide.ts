import { createStore } from 'zustand/vanilla';
import { z } from 'zod';
import { readSetting, writeSetting, type SettingStorage } from './remembered';

// The first minute's help: the legend of what a node and an edge show, and the first-run hint.
// Each is shown until the person dismisses it, and stays dismissed (remembered in storage); the
// legend can be brought back from the canvas's "?" button.

const guideSchema = z.strictObject({ legend: z.boolean(), hint: z.boolean() });
export type GuideState = z.infer<typeof guideSchema>;

const GUIDE_KEY = 'backprop-studio.guide';
const FIRST_RUN: GuideState = { legend: true, hint: true };

export function createGuide(storage: SettingStorage) {
  const store = createStore<GuideState>(() => readSetting(storage, GUIDE_KEY, guideSchema, FIRST_RUN));
  const set = (patch: Partial<GuideState>) => {
    store.setState(patch);
    writeSetting(storage, GUIDE_KEY, store.getState());
  };
  return Object.assign(store, {
    dismissLegend: () => set({ legend: false }),
    showLegend: () => set({ legend: true }),
    dismissHint: () => set({ hint: false }),
  });
}

export type Guide = ReturnType<typeof createGuide>;
