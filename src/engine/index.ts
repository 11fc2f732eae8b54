// The engine's public API: pure TypeScript, no DOM/React/Electron/Node imports.

export * from './types';
export * from './errors';
export * from './topo';
export * from './connection';
export * from './validate';
export { MAX_FILE_BYTES, parseGraph, parseGraphBytes, serializeGraph, graphToJson, type ParseResult } from './file';
export { MIGRATIONS, SUPPORTED_VERSIONS } from './migrations';
export * from './activation';
export * from './compile';
export { forward, backward, exampleError } from './pass';
export * from './train';
export * from './evaluate';
export * from './random';
export * from './generators';
export * from './readout';
export * from './sameMath';
export * from './trace';
export * from './gradcheck';
export * from './divergence';
