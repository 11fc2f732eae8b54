// Moving unknown keys into `extra` on load (liftExtras) and back out on save (withExtras).
// The file is assumed free of __proto__/constructor/prototype keys (checked before).

import { KNOWN_KEYS } from './schema';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** an own data property even for a key such as "__proto__" (plain assignment would set the prototype) */
function setOwn(obj: Json, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** a copy of `obj` holding its known keys, with every other key (including a literal "extra") under `extra` */
function lift(obj: unknown, known: ReadonlySet<string>): unknown {
  if (!isObject(obj)) return obj;
  const out: Json = {};
  let extra: Json | undefined;
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
  if (!isObject(node)) return node;
  const type = node.type;
  if (typeof type !== 'string' || !Object.hasOwn(KNOWN_KEYS.node, type)) return node; // the schema reports it
  const known = KNOWN_KEYS.node[type as keyof typeof KNOWN_KEYS.node];
  const out = lift(node, known) as Json;
  if ('position' in out) out.position = lift(out.position, KNOWN_KEYS.position);
  return out;
}

function liftDataset(dataset: unknown): unknown {
  const out = lift(dataset, KNOWN_KEYS.dataset);
  if (!isObject(out)) return out;
  if ('examples' in out) out.examples = liftEach(out.examples, (ex) => lift(ex, KNOWN_KEYS.example));
  if ('domain' in out) out.domain = lift(out.domain, KNOWN_KEYS.domain);
  return out;
}

/** the raw parsed file with unknown keys gathered into `extra` at every level the format defines */
export function liftExtras(file: unknown): unknown {
  const out = lift(file, KNOWN_KEYS.file);
  if (!isObject(out)) return out;
  if ('nodes' in out) out.nodes = liftEach(out.nodes, liftNode);
  if ('edges' in out) out.edges = liftEach(out.edges, (e) => lift(e, KNOWN_KEYS.edge));
  if ('dataset' in out) out.dataset = liftDataset(out.dataset);
  if ('training' in out) out.training = lift(out.training, KNOWN_KEYS.training);
  return out;
}

/**
 * `known` (in file order; fields set to undefined are left out) followed by the extra keys that
 * do not collide with a known key.
 */
export function withExtras(known: Json, extra: Json | undefined): Json {
  const out: Json = {};
  for (const key of Object.keys(known)) if (known[key] !== undefined) out[key] = known[key];
  // an extra key that names a known field (even an absent one) would change its meaning: skip it
  if (extra) for (const key of Object.keys(extra)) if (!Object.hasOwn(known, key)) setOwn(out, key, extra[key]);
  return out;
}
