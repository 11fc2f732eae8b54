import type { Example, GraphDoc } from '../../../engine/format/types';
import { problemOf } from '../../../engine/format/types';
import { classCount, classTargets, isOneHot } from './classes';
import { exampleShape } from './examples';
import { isFunctionFit } from './plotCoords';
import { targetValues } from './targets';

// What a click on the plot places: a point of class c (0 … k−1) or, for regression, a point of
// a value. Shift-click places the other class (two classes) or the next one (k classes). A 1-D
// function fit's point takes its value from where it is placed (the plot's height is the value).

export interface Brush {
  /** the class of new points (classification) */
  cls: number;
  /** the value of new points (2-D regression) */
  value: number;
}

export const DEFAULT_BRUSH: Brush = { cls: 0, value: 0.5 };

/** the class shift-click places: the other of two, the next of k */
export function shiftedClass(cls: number, k: number): number {
  return k <= 2 ? 1 - Math.min(1, cls) : (cls + 1) % k;
}

/** the example a click at plane point (x, y) adds to the document */
export function brushExample(doc: Pick<GraphDoc, 'nodes' | 'dataset'>, x: number, y: number, brush: Brush, shift: boolean): Example {
  const shape = exampleShape(doc);
  const xs = new Array<number>(shape.features).fill(0);
  xs[0] = x;
  if (isFunctionFit(doc.dataset)) return { x: xs, y: new Array<number>(shape.outputs).fill(y) };
  xs[1] = y;
  if (problemOf(doc.dataset) === 'regression') return { x: xs, y: new Array<number>(shape.outputs).fill(brush.value) };
  const k = classCount(doc.dataset);
  const cls = shift ? shiftedClass(brush.cls, k) : Math.min(brush.cls, k - 1);
  return { x: xs, y: classTargets(cls, isOneHot(doc.dataset) ? k : 2, shape.outputs, targetValues(doc)) };
}

/** the examples with example `index` changed by `edit` (the others kept as they are) */
export function editedExamples(examples: readonly Example[], index: number, edit: (e: Example) => Example): Example[] {
  return examples.map((e, i) => (i === index ? edit(e) : e));
}

/** the example marked test, or back to training */
export function toggledTest(e: Example): Example {
  const { test, ...rest } = e;
  return test ? rest : { ...rest, test: true };
}
