// Elementary functions in plain IEEE-754 arithmetic (fdlibm ports), so the engine's numbers are
// the same bits in Node, Chromium, Electron and the WebAssembly kernel.

export { exp, EXP_OVERFLOW_THRESHOLD, EXP_UNDERFLOW_THRESHOLD } from './exp';
export { expm1 } from './expm1';
export { tanh } from './tanh';
export { log1p } from './log1p';
