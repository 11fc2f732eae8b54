// --log FILE.csv: E and accuracy over the training examples at the end of every epoch, full precision.

import type { Evaluation } from '../../engine';

export const LOG_HEADER = 'epoch,E,mean_E,accuracy';

export function logRow(epoch: number, evaluation: Evaluation): string {
  return `${epoch},${evaluation.error},${evaluation.meanError},${evaluation.accuracy}`;
}

export function logText(rows: readonly string[]): string {
  return [LOG_HEADER, ...rows].join('\n') + '\n';
}
