// The fast training path: a WebAssembly kernel emitted per network (no eval, no toolchain),
// same float64 results as the pure engine. The pure engine stays the reference for clarity and tests.

export { createTrainer, compileKernel, type Trainer } from './trainer';
export { emitKernel, kernelLayout, type KernelLayout } from './emit';
