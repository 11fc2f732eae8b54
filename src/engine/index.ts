// The engine's public API: pure TypeScript, no DOM/React/Electron/Node imports.

export * from './format/types';
export * from './format/errors';
export * from './topo';
export * from './connection';
export * from './format/validate';
export {
  MAX_FILE_BYTES,
  PRETTY_MAX_CHARS,
  decodeGraphBytes,
  parseGraph,
  parseGraphBytes,
  serializeGraph,
  writeGraph,
  graphToJson,
  type DecodeResult,
  type ParseResult,
  type WriteOptions,
  type WriteResult,
} from './format/file';
export { MAX_NESTING } from './format/jsonScan';
export {
  CURRENT_VERSION,
  MIGRATIONS,
  SUPPORTED_VERSIONS,
  createMigrationSequence,
  MigrationSequenceError,
  type Migration,
  type MigrationSequence,
} from './format/migrations';
export * from './activation';
export * from './compile';
export { forward, backward, outputSensitivities } from './pass';
export * from './loss';
export * from './softmax';
export * from './features';
export * from './regularization';
export * from './train';
export * from './evaluate';
export * from './random';
export * from './generators';
export * from './readout';
export * from './sameMath';
export * from './trace';
export * from './gradcheck';
export * from './divergence';
export * from './format/lesson';
export * from './lesson';
