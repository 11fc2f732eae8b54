import { createStore } from 'zustand/vanilla';
import { generateDataset, REGRESSION_KINDS, type GeneratorKind, type RegressionKind } from '../../../engine';
import type { Dataset, GraphDoc, Problem } from '../../../engine/format/types';
import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import { graphShape, padFeatures, fitExamples } from './examples';
import { targetValues } from './targets';
import { isFunctionFit, UNUSED_FEATURE } from './plotCoords';
import { domainToFit } from './domainFit';
import { DEFAULT_DOMAIN } from './plotMapping';

// What the data set generators make (problem, kind, count, noise, seed, class count, the share
// of training points: a setting of the window, not of the document) and the one action that
// replaces the data set with a generated one, as one undoable edit. The dataset thumbnails, the
// sliders and the Generate form share it; every change of a setting that shapes the set
// regenerates it (as TF Playground does).

export type DataKind = GeneratorKind | RegressionKind;

export const KIND_NAMES: Record<DataKind, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two gaussians',
  spiral: 'Spiral',
  linear: 'Linearly separable',
  plane: 'Plane',
  'multi-gaussian': 'Multi-gaussian',
  function: '1-D function',
};


/** train ratio 1: every point trains (no test split); 0.1 … 0.9 mark the rest test, seeded */
export const ALL_TRAIN = 1;

export interface GeneratorSettingsState {
  problem: Problem;
  /** the classification set (a k-class set is always a spiral) */
  kind: GeneratorKind;
  regression: RegressionKind;
  count: number;
  noise: number;
  seed: number;
  /** k = 2 … 6 */
  classes: number;
  /** 0.1 … 0.9, or ALL_TRAIN */
  trainRatio: number;
}

export const isRegressionKind = (kind: DataKind): kind is RegressionKind => (REGRESSION_KINDS as readonly string[]).includes(kind);

/** the generated set in the document's shape: x padded to the graph's inputs, 2-class y to its outputs */
export function fittedDataset(doc: Pick<GraphDoc, 'nodes' | 'dataset'>, generated: Dataset): Dataset {
  const shape = graphShape(doc);
  const oneHot = (generated.classes?.length ?? 0) > 2;
  const examples = oneHot ? padFeatures(generated.examples, shape.features) : fitExamples(generated.examples, shape);
  const xLength = examples[0]?.x.length ?? shape.features;
  const named = generated.features ?? [];
  const features = named.length === 1 && xLength > 1 ? [...named, ...new Array<string>(xLength - 1).fill(UNUSED_FEATURE)] : named;
  // generated sets lie in [−1, 1]² (the default plane); a 1-D fit's values may reach past ±1: its plot grows to show them
  const { classes: _classes, features: _features, targets: _targets, domain: _domain, ...kept } = doc.dataset;
  const functionFit = features.length === xLength && isFunctionFit({ problem: generated.problem, features });
  const domain = functionFit ? domainToFit(examples.map((e) => ({ x: [e.x[0], e.y[0]], y: e.y })), DEFAULT_DOMAIN) : null;
  return {
    ...kept,
    ...(domain ? { domain } : {}),
    problem: generated.problem,
    ...(oneHot ? { classes: generated.classes } : {}),
    ...(features.length === xLength ? { features } : {}),
    ...(generated.targets?.length === (examples[0]?.y.length ?? 1) ? { targets: generated.targets } : {}),
    examples,
  };
}

export function createGeneratorSettings(document: DocumentStore, live: Pick<Live, 'setState'>) {
  const store = createStore<GeneratorSettingsState>(() => ({
    problem: 'classification',
    kind: 'circle',
    regression: 'plane',
    count: 200,
    noise: 0.05,
    seed: 1,
    classes: 2,
    trainRatio: ALL_TRAIN,
  }));

  /** the kind of the chosen problem (with k ≥ 3 classes: the spiral) */
  const chosenKind = (s: GeneratorSettingsState): DataKind => (s.problem === 'regression' ? s.regression : s.classes > 2 ? 'spiral' : s.kind);

  function apply(kind: DataKind = chosenKind(store.getState())): void {
    const problem: Problem = isRegressionKind(kind) ? 'regression' : 'classification';
    const classes = problem === 'classification' && kind !== 'spiral' ? 2 : store.getState().classes;
    store.setState(isRegressionKind(kind) ? { problem, regression: kind } : { problem, kind, classes });
    const { count, noise, seed, trainRatio } = store.getState();
    const doc = document.getState().doc;
    const generated = generateDataset(kind, {
      count,
      noise,
      seed,
      low: targetValues(doc).low,
      ...(problem === 'classification' ? { classes } : {}),
      ...(trainRatio < ALL_TRAIN ? { trainRatio } : {}),
    });
    live.setState({ exampleIndex: null });
    document.replaceDocument({ ...doc, dataset: fittedDataset(doc, generated) }, `Generate ${KIND_NAMES[kind]}`);
  }

  return Object.assign(store, {
    /** a setting that does not reshape the set by itself (count and seed: Generate applies them) */
    set: (patch: Partial<GeneratorSettingsState>) => store.setState(patch),
    /** a setting that reshapes the set (problem, classes, noise, train ratio): regenerates it, one undo step */
    change(patch: Partial<GeneratorSettingsState>): void {
      store.setState(patch);
      apply();
    },
    /** replaces the document's data set with a generated set of `kind` (default: the chosen one) */
    apply,
    clear(): void {
      live.setState({ exampleIndex: null });
      document.setExamples([], 'Clear points');
    },
  });
}

export type GeneratorSettings = ReturnType<typeof createGeneratorSettings>;
