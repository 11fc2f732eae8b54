import type { HistoryPoint } from './protocol';

// Which curves the loss chart draws. Without test examples: E and accuracy, as always. With test
// examples: the training and the test curves side by side — the mean error E/n of each (E itself
// is a sum, so a test set a quarter the size would read a quarter as large) and each accuracy. A
// regression has no accuracy to draw.

export interface Series {
  key: 'error' | 'testError' | 'accuracy' | 'testAccuracy';
  /** the legend's words */
  label: string;
  axis: 'error' | 'accuracy';
  /** the value at a point, or undefined where the point has none */
  value(p: HistoryPoint): number | undefined;
}

/** whether any recorded point measured test examples */
export const hasTestCurve = (history: readonly HistoryPoint[]): boolean => history.some((p) => p.test !== undefined);

export function chartSeries(history: readonly HistoryPoint[], regression: boolean): Series[] {
  const withTest = hasTestCurve(history);
  const series: Series[] = withTest
    ? [
        { key: 'error', label: 'train mean error', axis: 'error', value: (p) => p.meanError },
        { key: 'testError', label: 'test mean error', axis: 'error', value: (p) => p.test?.meanError },
      ]
    : [{ key: 'error', label: 'E', axis: 'error', value: (p) => p.error }];
  if (regression) return series;
  if (!withTest) return [...series, { key: 'accuracy', label: 'accuracy', axis: 'accuracy', value: (p) => p.accuracy }];
  return [
    ...series,
    { key: 'accuracy', label: 'train accuracy', axis: 'accuracy', value: (p) => p.accuracy },
    { key: 'testAccuracy', label: 'test accuracy', axis: 'accuracy', value: (p) => p.test?.accuracy },
  ];
}

/** every value the left (error) axis must hold */
export function errorAxisValues(history: readonly HistoryPoint[], series: readonly Series[]): number[] {
  const out: number[] = [];
  for (const s of series) {
    if (s.axis !== 'error') continue;
    for (const p of history) {
      const v = s.value(p);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}
