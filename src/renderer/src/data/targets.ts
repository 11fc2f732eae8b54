import type { Example, GraphDoc } from '../../../engine/format/types';
import type { TargetValues } from './csv';

// Which target value each class stands for: red = low (0 for a sigmoid output, −1 for tanh),
// blue = high (1). Read from the activation of the output neuron with index 0.

export function targetValues(doc: Pick<GraphDoc, 'nodes'>): TargetValues {
  for (const n of doc.nodes) {
    if (n.type === 'neuron' && n.output === 0) return { low: n.activation === 'tanh' ? -1 : 0, high: 1 };
  }
  return { low: 0, high: 1 };
}

/** true when the example belongs to the high (blue) class */
export function isHighClass(example: Example, targets: TargetValues): boolean {
  return (example.y[0] ?? targets.low) > (targets.low + targets.high) / 2;
}

export function countClasses(examples: readonly Example[], targets: TargetValues): { low: number; high: number } {
  let high = 0;
  for (const e of examples) if (isHighClass(e, targets)) high++;
  return { low: examples.length - high, high };
}
