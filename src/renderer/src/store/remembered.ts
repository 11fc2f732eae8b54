import type { z } from 'zod';

// A setting of the window that outlives it (localStorage): read through a schema, so what an
// older version or a person left there cannot break the app — it falls back to the default.

export type SettingStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

export function readSetting<T>(storage: SettingStorage, key: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    if (text === null || text === undefined) return fallback;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function writeSetting(storage: SettingStorage, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    /* a browser without storage forgets it with the window */
  }
}
