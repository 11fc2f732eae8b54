// --log FILE.csv: at the end of every epoch, over the training and the test examples apart
// (docs/graph-format.md, "Metrics"): E, mean E = E / n, accuracy (0 for a regression) and the
// mean squared error Σ (h − y)² / (n · m), full precision. The test columns are 0 without test examples.

import type { Evaluation, SplitEvaluation } from '../../engine';

export const LOG_HEADER = 'epoch,E,mean_E,accuracy,MSE,test_E,test_mean_E,test_accuracy,test_MSE';

const columns = (e: Evaluation): string => `${e.error},${e.meanError},${e.accuracy},${e.meanSquaredError}`;

export function logRow(epoch: number, evaluation: SplitEvaluation): string {
  return `${epoch},${columns(evaluation.train)},${columns(evaluation.test)}`;
}

export function logText(rows: readonly string[]): string {
  return [LOG_HEADER, ...rows].join('\n') + '\n';
}
