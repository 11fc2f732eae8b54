import { createStore } from 'zustand/vanilla';
import { generate, type GeneratorKind } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import { exampleShape, fitExamples } from './examples';
import { targetValues } from './targets';

// What the data set generators make (kind, count, noise, seed: a setting of the window, not of
// the document) and the one action that replaces the points with a generated set, as one
// undoable edit. The dataset thumbnails and the Generate form share it.

export const KIND_NAMES: Record<GeneratorKind, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two gaussians',
  spiral: 'Spiral',
  linear: 'Linearly separable',
};

export interface GeneratorSettingsState {
  kind: GeneratorKind;
  count: number;
  noise: number;
  seed: number;
}

export function createGeneratorSettings(document: DocumentStore, live: Pick<Live, 'setState'>) {
  const store = createStore<GeneratorSettingsState>(() => ({ kind: 'circle', count: 200, noise: 0.05, seed: 1 }));
  return Object.assign(store, {
    set: (patch: Partial<GeneratorSettingsState>) => store.setState(patch),
    /** replaces the document's points with a generated set of `kind` (default: the chosen kind) */
    apply(kind: GeneratorKind = store.getState().kind): void {
      const { count, noise, seed } = store.getState();
      const doc = document.getState().doc;
      const examples = generate(kind, { count, noise, seed, low: targetValues(doc).low });
      store.setState({ kind });
      live.setState({ exampleIndex: null });
      document.setExamples(fitExamples(examples, exampleShape(doc)), `Generate ${KIND_NAMES[kind]}`);
    },
    clear(): void {
      live.setState({ exampleIndex: null });
      document.setExamples([], 'Clear points');
    },
  });
}

export type GeneratorSettings = ReturnType<typeof createGeneratorSettings>;
