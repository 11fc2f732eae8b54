// Several FILEs in one command (a teacher checks a class's files at once): each file's failure is
// reported on its own line and the others still run; the exit code says whether all succeeded.

import { describeFailure, InterruptedError } from './errors';
import type { Output } from './io';
import { plural } from './format';

/** runs `one` per file; with several files, a closing `N files: X ok, Y failed` line (unless quiet) */
export async function eachFile(files: readonly string[], io: Output, one: (file: string) => Promise<void> | void, quiet = false): Promise<number> {
  let failed = 0;
  let exitCode = 0;
  for (const file of files) {
    try {
      await one(file);
    } catch (err) {
      const failure = describeFailure(err);
      io.err(failure.text);
      failed++;
      exitCode = Math.max(exitCode, failure.exitCode);
      if (err instanceof InterruptedError) break;
    }
  }
  if (files.length > 1 && !quiet) io.out(`${plural(files.length, 'file')}: ${files.length - failed} ok, ${failed} failed\n`);
  return exitCode;
}
