import { generate, type Dataset, type Example, type GraphDoc } from '../../../engine';
import { emptyDocument } from '../store/document';
import { layeredDoc } from './layered';
import { skipDoc } from './skip';
import { tutorial251, tutorialPerceptron } from './tutorial';

// The templates a person can start from. Each builds a whole document from the current one
// (generated graphs keep the current 2-D points when they fit).

export interface Template {
  id: string;
  name: string;
  description: string;
  build(current: GraphDoc): GraphDoc;
}

const twoD = (d: Dataset): Dataset | undefined =>
  (d.features?.length ?? 2) === 2 && d.examples.every((e) => e.x.length === 2 && e.y.length === 1) ? d : undefined;

/**
 * XOR points in four corner clusters with a clear gap along the axes: 2 hidden sigmoid neurons
 * draw a band, which separates corners but not points hugging the axes (the whole-quadrant XOR
 * stalls near 75 %). Each coordinate v of the quadrant points moves to sign(v)·(0.4 + 0.55·|v|).
 */
function xorCorners(): Example[] {
  const spread = (v: number) => Math.round(Math.sign(v) * (0.4 + 0.55 * Math.abs(v)) * 1000) / 1000;
  return generate('xor', { count: 80, noise: 0, seed: 1 }).map((e) => ({ ...e, x: e.x.map(spread) }));
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'empty',
    name: 'Empty canvas',
    description: 'a bias and the inputs x and y; keeps the points',
    build: (current) => ({ ...emptyDocument(), dataset: twoD(current.dataset) ?? emptyDocument().dataset }),
  },
  {
    id: 'perceptron',
    name: 'Tutorial perceptron',
    description: "the tutorial's single perceptron, with its data",
    build: () => tutorialPerceptron(),
  },
  {
    id: '2-5-1',
    name: 'Tutorial 2-5-1',
    description: "the tutorial's two-layer network, with its data",
    build: () => tutorial251(),
  },
  {
    id: 'xor',
    name: 'XOR 2-2-1',
    description: 'two hidden neurons and XOR points',
    build: () => ({
      ...layeredDoc([2, 2, 1], { name: 'XOR 2-2-1', seed: 3 }),
      dataset: { features: ['x', 'y'], targets: ['class'], examples: xorCorners() },
      training: { learningRate: 0.5, mode: 'sequential', shuffle: true, seed: 3, epoch: 0 },
    }),
  },
  {
    id: 'skip',
    name: 'Skip connections',
    description: 'a DAG with edges that jump layers',
    build: (current) => skipDoc(twoD(current.dataset) ?? { features: ['x', 'y'], targets: ['class'], examples: generate('circle', { count: 100, noise: 0.05, seed: 1 }) }),
  },
];
