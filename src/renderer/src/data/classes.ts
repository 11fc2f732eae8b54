import type { Dataset, Example } from '../../../engine/format/types';
import type { TargetValues } from './csv';
import { isHighClass } from './targets';

// The classes of a classification data set as the plot sees them: k = 2 (one output, low/high
// targets; or two outputs) or k ≥ 3 (one-hot targets over k outputs, `dataset.classes` naming
// them). Colours are Paul Tol's "bright" scheme (distinct under the common colour-vision
// deficiencies), red and blue first so two classes look as they always did.

export const MAX_CLASSES = 6;

/** class c's colour: the legend, the points and the map use the same one */
export const CLASS_COLOURS: readonly string[] = ['#e0453a', '#2f6fde', '#228833', '#ccbb44', '#66ccee', '#aa3377'];

/** k: the number of classes (the labels' count, else 2) */
export function classCount(dataset: Pick<Dataset, 'classes'>): number {
  return Math.min(MAX_CLASSES, Math.max(2, dataset.classes?.length ?? 2));
}

/** k ≥ 3: targets are one-hot over k outputs */
export function isOneHot(dataset: Pick<Dataset, 'classes'>): boolean {
  return classCount(dataset) > 2;
}

/** the example's class: arg-max of y for one-hot targets, else low (0) / high (1) */
export function classOf(example: Example, oneHot: boolean, targets: TargetValues): number {
  if (!oneHot) return isHighClass(example, targets) ? 1 : 0;
  let best = 0;
  for (let c = 1; c < example.y.length; c++) if (example.y[c] > example.y[best]) best = c;
  return best;
}

/** the targets of class c: one-hot over k outputs, or every output the low / high value (k = 2) */
export function classTargets(c: number, k: number, outputs: number, targets: TargetValues): number[] {
  if (k > 2) return Array.from({ length: Math.max(k, outputs) }, (_, o) => (o === c ? 1 : 0));
  return new Array<number>(outputs).fill(c === 1 ? targets.high : targets.low);
}

/** what the legend calls class c: its label, or red (low) / blue (high) for two unnamed classes */
export function classLabel(dataset: Pick<Dataset, 'classes'>, c: number): string {
  const named = dataset.classes?.[c];
  if (named !== undefined) return named;
  return c === 0 ? 'Red (low)' : c === 1 ? 'Blue (high)' : `class ${c}`;
}

/** the default labels of k classes */
export function defaultLabels(k: number): string[] {
  return Array.from({ length: k }, (_, c) => `class ${c}`);
}

/** how many examples of each class, and how many are test examples */
export function countByClass(examples: readonly Example[], k: number, oneHot: boolean, targets: TargetValues) {
  const perClass = new Array<number>(k).fill(0);
  let test = 0;
  for (const e of examples) {
    perClass[Math.min(k - 1, classOf(e, oneHot, targets))]++;
    if (e.test) test++;
  }
  return { perClass, train: examples.length - test, test };
}

/**
 * the data set with class c named `label` (trimmed): an error message when it is empty or
 * another class's name; targets named after the classes follow
 */
export function renameClass<D extends Pick<Dataset, 'classes' | 'targets'>>(dataset: D, c: number, label: string): D | string {
  const name = label.trim();
  const k = classCount(dataset);
  const current = dataset.classes ?? (k === 2 ? ['red', 'blue'] : defaultLabels(k));
  if (name === '') return `A class needs a name; class ${c + 1} keeps “${current[c]}”.`;
  if (current.some((other, o) => o !== c && other === name)) return `Class ${current.indexOf(name) + 1} is already called “${name}”; class names must differ.`;
  const classes = current.map((l, o) => (o === c ? name : l));
  const sameTargets = dataset.targets !== undefined && dataset.classes !== undefined && dataset.targets.join('\u0000') === dataset.classes.join('\u0000');
  return { ...dataset, classes, ...(sameTargets ? { targets: classes } : {}) };
}
