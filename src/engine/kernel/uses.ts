// Which functions a kernel module holds: a training worker needs trainSequential, trainBatch and
// predict (for E and accuracy); a map worker only nodeValues. Building only those spares each
// worker the compile time of the others (the two-lane nodeValues is most of a module:
// docs/performance.md).

export type KernelUses = 'training' | 'maps' | 'all';

export const buildsTraining = (uses: KernelUses): boolean => uses !== 'maps';
export const buildsMaps = (uses: KernelUses): boolean => uses !== 'training';
