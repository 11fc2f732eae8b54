// Version 1 → 2 ("playground-options"): test examples, regression and classes, derived inputs,
// losses, regularisation, mini-batches, momentum and ablation (docs/graph-format.md). Every new
// key is optional and means "as in version 1" when absent, so a version-1 document keeps its
// meaning as it is — except where it already carried one of those keys as an unknown key (kept,
// not read, by a version-1 reader): that key meant something else to whoever wrote it, so it is
// renamed `v1:<key>` (and stays an unknown key) rather than change how the file trains.

import type { Migration, RawFile } from './migration';
import { isJsonObject, type JsonObject } from './json';

/** the keys version 2 gives a meaning, per kind of object */
const NEW_KEYS = {
  node: ['off', 'transform', 'times'],
  edge: ['off', 'velocity'],
  example: ['test'],
  dataset: ['problem', 'classes'],
  training: ['batchSize', 'loss', 'regularization', 'momentum'],
} as const;

/** `obj` with each of `keys` it has moved to `v1:<key>` (key order kept); not an object: as it is */
function renameOld(obj: unknown, keys: readonly string[]): unknown {
  if (!isJsonObject(obj) || !keys.some((k) => Object.hasOwn(obj, k))) return obj;
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    const to = keys.includes(key) ? `v1:${key}` : key;
    Object.defineProperty(out, to, { value: obj[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const eachIn = (list: unknown, keys: readonly string[]): unknown =>
  Array.isArray(list) ? list.map((item) => renameOld(item, keys)) : list;

function upDataset(dataset: unknown): unknown {
  const renamed = renameOld(dataset, NEW_KEYS.dataset);
  if (!isJsonObject(renamed) || !('examples' in renamed)) return renamed;
  return { ...renamed, examples: eachIn(renamed.examples, NEW_KEYS.example) };
}

function up(file: RawFile): RawFile {
  const out: RawFile = { ...file };
  if ('nodes' in file) out.nodes = eachIn(file.nodes, NEW_KEYS.node);
  if ('edges' in file) out.edges = eachIn(file.edges, NEW_KEYS.edge);
  if ('dataset' in file) out.dataset = upDataset(file.dataset);
  if ('training' in file) out.training = renameOld(file.training, NEW_KEYS.training);
  return out;
}

export const playgroundOptions: Migration = { to: 2, name: 'playground-options', up };
