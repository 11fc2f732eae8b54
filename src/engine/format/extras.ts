// Moving unknown keys into `extra` on load (liftExtras) and back out on save (withExtras).
// The file is assumed free of __proto__/constructor/prototype keys (checked before).

import {
  biasNodeSchema,
  datasetSchema,
  domainSchema,
  edgeSchema,
  exampleSchema,
  graphDocSchema,
  inputNodeSchema,
  neuronNodeSchema,
  positionSchema,
  regularizationSchema,
  trainingSchema,
} from './types';
import { isJsonObject, type JsonObject } from './json';

/** the keys a schema knows; every other key is kept in `extra` */
function keysOf(schema: { shape: Record<string, unknown> }): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape).filter((k) => k !== 'extra'));
}

/** the keys each kind of object knows, read off the schemas */
export const KNOWN_KEYS = {
  /** the envelope's `format` and `version`, then the document's keys */
  file: new Set(['format', 'version', ...keysOf(graphDocSchema)]),
  node: new Map([
    ['input', keysOf(inputNodeSchema)],
    ['bias', keysOf(biasNodeSchema)],
    ['neuron', keysOf(neuronNodeSchema)],
  ]),
  position: keysOf(positionSchema),
  edge: keysOf(edgeSchema),
  dataset: keysOf(datasetSchema),
  example: keysOf(exampleSchema),
  domain: keysOf(domainSchema),
  training: keysOf(trainingSchema),
  regularization: keysOf(regularizationSchema),
};

/** an own data property even for a key such as "__proto__" (plain assignment would set the prototype) */
function setOwn(obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** a copy of `obj` holding its known keys, with every other key (including a literal "extra") under `extra` */
function lift(obj: unknown, known: ReadonlySet<string>): unknown {
  return isJsonObject(obj) ? liftObject(obj, known) : obj;
}

function liftObject(obj: JsonObject, known: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  let extra: JsonObject | undefined;
  for (const key of Object.keys(obj)) {
    if (known.has(key)) out[key] = obj[key];
    else setOwn((extra ??= {}), key, obj[key]);
  }
  if (extra) out.extra = extra;
  return out;
}

function liftEach(list: unknown, liftOne: (item: unknown) => unknown): unknown {
  return Array.isArray(list) ? list.map(liftOne) : list;
}

function liftNode(node: unknown): unknown {
  if (!isJsonObject(node)) return node;
  const known = typeof node.type === 'string' ? KNOWN_KEYS.node.get(node.type) : undefined;
  if (!known) return node; // the schema reports it
  const out = liftObject(node, known);
  if ('position' in out) out.position = lift(out.position, KNOWN_KEYS.position);
  return out;
}

function liftDataset(dataset: unknown): unknown {
  if (!isJsonObject(dataset)) return dataset;
  const out = liftObject(dataset, KNOWN_KEYS.dataset);
  if ('examples' in out) out.examples = liftEach(out.examples, (ex) => lift(ex, KNOWN_KEYS.example));
  if ('domain' in out) out.domain = lift(out.domain, KNOWN_KEYS.domain);
  return out;
}

/** the raw parsed file with unknown keys gathered into `extra` at every level the format defines */
export function liftExtras(file: JsonObject): JsonObject {
  const out = liftObject(file, KNOWN_KEYS.file);
  if ('nodes' in out) out.nodes = liftEach(out.nodes, liftNode);
  if ('edges' in out) out.edges = liftEach(out.edges, (e) => lift(e, KNOWN_KEYS.edge));
  if ('dataset' in out) out.dataset = liftDataset(out.dataset);
  if ('training' in out) out.training = liftTraining(out.training);
  return out;
}

function liftTraining(training: unknown): unknown {
  if (!isJsonObject(training)) return training;
  const out = liftObject(training, KNOWN_KEYS.training);
  if ('regularization' in out) out.regularization = lift(out.regularization, KNOWN_KEYS.regularization);
  return out;
}

/**
 * `known` (in file order; fields set to undefined are left out) followed by the extra keys that
 * do not collide with a known key.
 */
export function withExtras(known: JsonObject, extra: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(known)) if (known[key] !== undefined) out[key] = known[key];
  // an extra key that names a known field (even an absent one) would change its meaning: skip it
  if (extra) for (const key of Object.keys(extra)) if (!Object.hasOwn(known, key)) setOwn(out, key, extra[key]);
  return out;
}
