import type { Dataset, Example, GraphDoc } from '../../../engine/format/types';
import { problemOf } from '../../../engine/format/types';
import { valueColour, valueRange, type ValueRange } from './colorScale';
import { CLASS_COLOURS, classCount, classOf, isOneHot } from './classes';
import type { TargetValues } from './csv';
import { isFunctionFit } from './plotCoords';
import { targetValues } from './targets';

// How each example is drawn, the same in the SVG plot and on the canvas: its class's colour
// (k classes) or its value's colour on the continuous scale (regression); test examples hollow,
// or not at all while "show test data" is off.

export interface PointScheme {
  regression: boolean;
  functionFit: boolean;
  oneHot: boolean;
  k: number;
  targets: TargetValues;
  /** regression's value scale (the colour bar's) */
  range: ValueRange;
  showTest: boolean;
}

export interface PointLook {
  colour: string;
  hollow: boolean;
}

/** the "hollow" look's inside: the map shows through, lightened, so the ring reads on any colour */
export const HOLLOW_FILL = 'rgba(255, 255, 255, 0.4)';

export function pointScheme(doc: { nodes: GraphDoc['nodes']; dataset: Dataset }, showTest: boolean): PointScheme {
  const { dataset } = doc;
  const regression = problemOf(dataset) === 'regression';
  return {
    regression,
    functionFit: isFunctionFit(dataset),
    oneHot: isOneHot(dataset),
    k: classCount(dataset),
    targets: targetValues(doc),
    range: regression ? valueRange(dataset.examples) : { lo: 0, hi: 1 },
    showTest,
  };
}

/** how the example is drawn, or null: a test example while test data is hidden */
export function lookOf(example: Example, scheme: PointScheme): PointLook | null {
  const hollow = example.test === true;
  if (hollow && !scheme.showTest) return null;
  if (scheme.regression) return { colour: valueColour(example.y[0] ?? 0, scheme.range), hollow };
  const c = Math.min(scheme.k - 1, classOf(example, scheme.oneHot, scheme.targets));
  return { colour: CLASS_COLOURS[c], hollow };
}
