// Walks any JSON-like value (iteratively) to find the first number that is NaN or ±Infinity.

import { isJsonObject } from './json';

export interface NonFiniteAt {
  path: (string | number)[];
  value: number;
}

/** one value on a walk's stack, with the way back to the root */
export interface WalkStep {
  value: unknown;
  key: string | number;
  parent: WalkStep | null;
}

export function findNonFinite(root: unknown, rootPath: (string | number)[] = []): NonFiniteAt | null {
  const stack: WalkStep[] = [{ value: root, key: '', parent: null }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const value = step.value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path: [...rootPath, ...pathOf(step)], value };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'number' && Number.isFinite(item)) continue;
        stack.push({ value: item, key: i, parent: step });
      }
    } else if (isJsonObject(value) && !ArrayBuffer.isView(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: value[keys[i]], key: keys[i], parent: step });
    }
  }
  return null;
}

/** keys from the root to this step (the root itself contributes none) */
export function pathOf(step: WalkStep): (string | number)[] {
  const path: (string | number)[] = [];
  for (let s = step; s.parent !== null; s = s.parent) path.push(s.key);
  return path.reverse();
}
