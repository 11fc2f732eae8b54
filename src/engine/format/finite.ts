// Walks any JSON-like value (iteratively) to find the first number that is NaN or ±Infinity.

export interface NonFiniteAt {
  path: (string | number)[];
  value: number;
}

interface Step {
  value: unknown;
  key: string | number;
  parent: Step | null;
}

export function findNonFinite(root: unknown, rootPath: (string | number)[] = []): NonFiniteAt | null {
  const stack: Step[] = [{ value: root, key: '', parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const value = step.value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path: [...rootPath, ...pathOf(step)], value };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'number' && Number.isFinite(item)) continue;
        stack.push({ value: item, key: i, parent: step });
      }
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: (value as Record<string, unknown>)[keys[i]], key: keys[i], parent: step });
      }
    }
  }
  return null;
}

/** keys from the root to this step (the root itself contributes none) */
export function pathOf(step: { key: string | number; parent: unknown }): (string | number)[] {
  const path: (string | number)[] = [];
  for (let s = step as Step; s.parent !== null; s = s.parent) path.push(s.key);
  return path.reverse();
}
