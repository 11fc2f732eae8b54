import { isAbsolute, resolve } from 'node:path';

// The graph file named on the command line (or passed by a second instance / the OS file
// association), if any: the first argument after the app that is not a switch and names a
// `.json` file. `cwd` resolves relative paths the way the person typed them.
export function fileFromArgs(argv: readonly string[], cwd: string, skip: number): string | null {
  for (const arg of argv.slice(skip)) {
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith('.json')) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
