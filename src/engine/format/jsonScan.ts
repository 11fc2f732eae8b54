// What JSON.parse hides, found in one pass over text it has already accepted: a key written
// twice in one object (JSON.parse silently keeps the last) and nesting deeper than a graph file
// may have (the engine's readers are iterative, but JSON.stringify and structuredClone — saving,
// and handing the document to a worker — recurse, and overflow the stack near 5,000 levels).
// A loop over character codes with an explicit stack: no recursion, no tree, linear in the text.
// Hand-written because no parser on npm reports duplicate keys with their path without first
// building a syntax tree of the whole file (hundreds of MB for a 50 MB file).

import type { IssuePath } from './errors';

/** the deepest nesting of lists and objects a graph file may have (the top-level object is 1) */
export const MAX_NESTING = 100;

export type ScanProblem = { kind: 'duplicate-key'; path: IssuePath; key: string } | { kind: 'too-deep'; path: IssuePath };

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const COMMA = 44;
/** 1 at the codes of `"` `,` `[` `]` `{` `}` */
const STRUCTURAL = Uint8Array.from({ length: 128 }, (_, c) => ([QUOTE, COMMA, OPEN_LIST, CLOSE_LIST, OPEN_OBJECT, CLOSE_OBJECT].includes(c) ? 1 : 0));
/** past this many keys an object's keys go into a Set; below, a list is faster */
const SET_FROM = 12;

interface Level {
  isObject: boolean;
  /** the key of the value being read (objects) */
  key: string;
  /** the index of the value being read (lists) */
  index: number;
  /** the keys seen so far (null until the first; a list, a Set past SET_FROM) */
  keys: string[] | Set<string> | null;
  expectKey: boolean;
}

/** the first duplicate key or too-deep container in valid JSON text, or null */
export function scanJson(text: string, maxDepth = MAX_NESTING): ScanProblem | null {
  const stack: Level[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // numbers, spaces and colons need no look (outside strings, valid JSON is ASCII)
    if (STRUCTURAL[c] !== 1) continue;
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        const key = keyText(text, i, end);
        if (hasKey(top, key)) return { kind: 'duplicate-key', path: [...containerPath(stack), key], key };
        addKey(top, key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (stack.length >= maxDepth) return { kind: 'too-deep', path: stack.map(at) };
      stack.push({ isObject: c === OPEN_OBJECT, key: '', index: 0, keys: null, expectKey: c === OPEN_OBJECT });
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      stack.pop();
    } else {
      const top = stack[stack.length - 1];
      if (top.isObject) top.expectKey = true;
      else top.index++;
    }
  }
  return null;
}

/** index of the quote that closes the string opening at `start` */
function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end < 0 ? text.length : end;
}

/** preceded by an odd number of backslashes */
function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let j = at - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
  return slashes % 2 === 1;
}

function keyText(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  if (!raw.includes('\\')) return raw;
  const decoded: unknown = JSON.parse(text.slice(open, close + 1));
  return typeof decoded === 'string' ? decoded : raw;
}

function hasKey(level: Level, key: string): boolean {
  if (level.keys === null) return false;
  return Array.isArray(level.keys) ? level.keys.includes(key) : level.keys.has(key);
}

function addKey(level: Level, key: string): void {
  if (level.keys === null) level.keys = [key];
  else if (!Array.isArray(level.keys)) level.keys.add(key);
  else if (level.keys.length < SET_FROM) level.keys.push(key);
  else level.keys = new Set([...level.keys, key]);
}

/** keys and indices from the root to the innermost open container */
function containerPath(stack: readonly Level[]): IssuePath {
  return stack.slice(0, -1).map(at);
}

/** where inside a container its current value is */
function at(level: Level): string | number {
  return level.isObject ? level.key : level.index;
}
