// The fast training path: a WebAssembly kernel emitted per network (no eval, no toolchain),
// same float64 results as the pure engine. The pure engine stays the reference for clarity and tests.

export { createTrainer, type TrainerOptions } from './createTrainer';
export type { Trainer } from './trainer';
export { planKernel, chooseStrategy, UNROLL_MAX_EDGES, UNROLL_MAX_NODES, type KernelPlan, type KernelStrategy, type KernelUses, type PlanOptions } from './plan';
export { createEngineTrainer } from './engineTrainer';
export { NodeMapper } from './nodeMaps';
export { kernelUnsupported } from './support';
