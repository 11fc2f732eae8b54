import { epochRng, shuffledOrder, type TrainingSettings } from '../../../engine';
import { followingExample, type BatchEpoch } from './batch';

// Which example comes after the one just finished: training's own order. Sequential with shuffle
// follows the epoch's seeded order (the engine's epochRng), so stepping a whole epoch from its
// first example visits the examples exactly as training does.

/** the first example of the current epoch's order */
export function firstExample(count: number, training: TrainingSettings): number {
  if (count === 0) return 0;
  return training.mode === 'sequential' && training.shuffle ? epochOrder(count, training)[0] : 0;
}

function epochOrder(count: number, training: TrainingSettings): Int32Array {
  return shuffledOrder(count, epochRng(training.seed, training.epoch));
}

export function nextExample(index: number, count: number, training: TrainingSettings, epoch: BatchEpoch): number {
  if (count <= 0) return 0;
  if (training.mode === 'batch') return followingExample(epoch, index, count);
  if (!training.shuffle) return (index + 1) % count;
  const order = epochOrder(count, training);
  const at = order.indexOf(index);
  return order[(at + 1) % count];
}
