// The kernel's speed on each of format version 2's options (issue 13: "no option may halve it"):
// epochs per main-thread CPU-second of the WebAssembly kernel on one net, each option alone,
// beside plain version 1 (sigmoid, squared error, sequential) on the same net, interleaved in the
// same run. Ratios are of training-example updates per second (the same as epochs per second but
// for the test split, whose test examples are not trained).

import { compile, type Example, type GraphDoc, type GraphNode, type TrainingSettings } from '../src/engine';
import { createTrainer } from '../src/engine/kernel';
import type { BenchNet } from './nets';
import { cpuSeconds, median, si } from './measure';

interface Variant {
  name: string;
  doc: GraphDoc;
  settings: Partial<TrainingSettings>;
}

const hidden = (n: GraphNode): boolean => n.type === 'neuron' && n.output === undefined;

/** every hidden neuron with this activation */
const withActivation = (doc: GraphDoc, activation: 'leakyRelu' | 'elu' | 'softplus' | 'hardSigmoid'): GraphDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (hidden(n) ? { ...n, activation } : n)) as GraphNode[],
});

/** the two inputs become sin x₁ and x₁·x₂: the same graph, derived inputs */
const withDerivedInputs = (doc: GraphDoc): GraphDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.type !== 'input' ? n : n.feature === 0 ? { ...n, transform: 'sin' as const } : { ...n, feature: 0, times: 1 })),
});

/** a second output beside the first (the same incoming edges), both softmax, one-hot targets */
function withSoftmax(doc: GraphDoc): GraphDoc {
  const out = doc.nodes.find((n) => n.type === 'neuron' && n.output === 0)!;
  const twin = `${out.id}_b`;
  const nodes = [...doc.nodes.map((n) => (n.id === out.id ? { ...n, activation: 'softmax' as const } : n)), { id: twin, type: 'neuron' as const, activation: 'softmax' as const, output: 1 }];
  const edges = [...doc.edges, ...doc.edges.filter((e) => e.target === out.id).map((e) => ({ ...e, id: `${e.id}_b`, target: twin, weight: -e.weight }))];
  const examples = doc.dataset.examples.map((ex) => ({ ...ex, y: [ex.y[0], 1 - ex.y[0]] }));
  return { ...doc, nodes, edges, dataset: { ...doc.dataset, examples }, training: { ...doc.training, loss: 'crossEntropy' } };
}

/** every fifth example marked test */
const withTestSplit = (doc: GraphDoc): GraphDoc => ({ ...doc, dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i % 5 === 4 ? { ...ex, test: true } : ex)) } });

function variantsOf(net: BenchNet, examples: Example[]): Variant[] {
  const doc = { ...net.doc, dataset: { examples } };
  const plain = { name: 'v1: sigmoid, squared error, sequential', doc, settings: {} };
  return [
    plain,
    ...(['leakyRelu', 'elu', 'softplus', 'hardSigmoid'] as const).map((a) => ({ name: `hidden ${a}`, doc: withActivation(doc, a), settings: {} })),
    { name: 'derived inputs (sin x₁, x₁·x₂)', doc: withDerivedInputs(doc), settings: {} },
    { name: 'binary cross-entropy', doc: { ...doc, training: { ...doc.training, loss: 'crossEntropy' as const } }, settings: { loss: 'crossEntropy' as const } },
    { name: 'softmax + cross-entropy (2 outputs)', doc: withSoftmax(doc), settings: { loss: 'crossEntropy' as const } },
    { name: 'L1 (λ = 1e−4)', doc, settings: { regularization: { kind: 'L1' as const, rate: 1e-4 } } },
    { name: 'L2 (λ = 1e−4)', doc, settings: { regularization: { kind: 'L2' as const, rate: 1e-4 } } },
    { name: 'momentum (β = 0.9)', doc, settings: { momentum: 0.9 } },
    { name: 'minibatch 10', doc, settings: { mode: 'minibatch' as const, batchSize: 10 } },
    { name: '20 % test examples', doc: withTestSplit(doc), settings: {} },
  ];
}

interface Timed {
  variant: Variant;
  epoch: () => void;
  trained: number;
  epochs: number;
  rates: number[];
  /** an epoch stopped at a divergence (its rate would mean nothing) */
  diverged: () => boolean;
}

/** rows: option, epochs/s, training updates/s, ratio to v1 (updates/s); and whether every ratio is ≥ 0.5 */
export function benchOptions(net: BenchNet, examples: Example[], reps: number, slice: number): { rows: string[][]; lowest: number } {
  const timed: Timed[] = variantsOf(net, examples).map((variant) => {
    const trainer = createTrainer(compile(variant.doc), variant.doc.dataset.examples, { uses: 'training' });
    if (trainer.kind !== 'wasm') throw new Error(`${variant.name}: no kernel`);
    const settings: TrainingSettings = { ...variant.doc.training, learningRate: 0.1, mode: 'sequential', shuffle: true, seed: 1, epoch: 0, ...variant.settings };
    let epoch = 0;
    let diverged = false;
    const run = () => {
      if (trainer.trainEpoch({ ...settings, epoch: epoch++ }).divergence) diverged = true;
    };
    const once = cpuSeconds(run); // also builds the update rule's module, if any
    cpuSeconds(run);
    const trained = variant.doc.dataset.examples.filter((ex) => ex.test !== true).length;
    return { variant, epoch: run, trained, epochs: Math.max(1, Math.round(slice / Math.max(once, 1e-6))), rates: [], diverged: () => diverged };
  });
  for (let r = 0; r < reps; r++) {
    for (const t of timed) {
      const seconds = cpuSeconds(() => {
        for (let i = 0; i < t.epochs; i++) t.epoch();
      });
      t.rates.push(t.epochs / seconds);
    }
  }
  const updates = (t: Timed) => median(t.rates) * t.trained;
  const base = updates(timed[0]);
  let lowest = Infinity;
  const rows = timed.map((t, i) => {
    const ratio = updates(t) / base;
    if (i > 0) lowest = Math.min(lowest, ratio);
    return [t.variant.name, si(median(t.rates)), si(updates(t)), `${ratio.toFixed(2)}×`, t.diverged() ? 'DIVERGED (rate void)' : 'ok'];
  });
  return { rows, lowest };
}

export const OPTIONS_HEADER = ['option (alone, on the same net)', 'epochs/s', 'updates/s', '÷ v1', 'sanity'];
