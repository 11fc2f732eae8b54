// Version 2 → 3 ("lessons"): a document may carry a `lesson` (lesson.ts). Nothing else changes,
// so a version-2 document means, and trains to, exactly what it did. A version-2 file that
// already carried a top-level `lesson` as an unknown key (kept, not read, by a version-2 reader)
// meant something else by it: it is renamed `v2:lesson` and stays an unknown key, rather than be
// read (or refused) as a lesson.

import type { Migration, RawFile } from './migration';

function up(file: RawFile): RawFile {
  if (!Object.hasOwn(file, 'lesson')) return file;
  const out: RawFile = {};
  for (const key of Object.keys(file)) {
    Object.defineProperty(out, key === 'lesson' ? 'v2:lesson' : key, { value: file[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export const lessons: Migration = { to: 3, name: 'lessons', up };
