import type { Dataset, Example } from '../../../engine/format/types';
import { problemOf } from '../../../engine/format/types';

// Where an example sits on the plot. A 2-D set: at its coordinates (x₁, x₂). A 1-D function fit
// (a regression set whose only feature is x, the second padded as "unused"): at (x₁, its value),
// so the points trace the function and the fit is a curve over them.

/** the feature name a 1-D set pads its second, unused coordinate with (it is always 0) */
export const UNUSED_FEATURE = 'unused';

export function isFunctionFit(dataset: Pick<Dataset, 'problem' | 'features'>): boolean {
  const f = dataset.features;
  return problemOf(dataset) === 'regression' && f !== undefined && f.length >= 1 && f.slice(1).every((n) => n === UNUSED_FEATURE);
}

/** the example's point on the plane */
export function plotPointOf(example: Example, functionFit: boolean): { x: number; y: number } {
  return { x: example.x[0] ?? 0, y: (functionFit ? example.y[0] : example.x[1]) ?? 0 };
}
