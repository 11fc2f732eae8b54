// Finds a `__proto__`, `constructor` or `prototype` key anywhere in parsed JSON (iteratively).

import { pathOf, type WalkStep } from './finite';
import { isJsonObject } from './json';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** path of the first forbidden key (ending with the key itself), or null */
export function findForbiddenKey(root: unknown): (string | number)[] | null {
  const stack: WalkStep[] = [{ value: root, key: '', parent: null }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const value = step.value;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, key: i, parent: step });
      }
    } else if (isJsonObject(value)) {
      const keys = Object.keys(value);
      for (const key of keys) if (FORBIDDEN_KEYS.has(key)) return [...pathOf(step), key];
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = value[keys[i]];
        if (child !== null && typeof child === 'object') stack.push({ value: child, key: keys[i], parent: step });
      }
    }
  }
  return null;
}
