// Predict, then reveal: the quantities of one example, the check, the diagnosis and the choices.
export * from './quantities';
export * from './check';
export * from './diagnose';
export * from './choices';
