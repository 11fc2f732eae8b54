// Running Debian's Python (/usr/bin/python3, with python3-torch and python3-numpy from apt) from a
// test. Where a module is missing: on CI (CI=true) the test fails saying what to install, elsewhere
// it is skipped with the reason printed.

import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export const PYTHON = '/usr/bin/python3';

/** why these modules cannot be used, or null when they can */
export function pythonMissing(modules: readonly string[]): string | null {
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} cannot run (${r.error.message}): apt-get install -y python3 python3-torch python3-numpy`;
  if (r.status !== 0) {
    const packages = modules.map((m) => `python3-${m}`).join(' ');
    return `${PYTHON} cannot import ${modules.join(', ')} (${r.stderr.trim().split('\n').at(-1)}): apt-get install -y ${packages}`;
  }
  return null;
}

/** on CI a failing test naming what to install; elsewhere a printed reason. Returns whether to skip. */
export function requirePython(modules: readonly string[]): boolean {
  const missing = pythonMissing(modules);
  if (missing === null) return false;
  if (process.env.CI === 'true') {
    it(`has ${modules.join(' and ')} for the export round trips`, () => {
      throw new Error(missing);
    });
  } else {
    console.warn(`skipping the Python round trips: ${missing}`);
  }
  return true;
}

export function runPython(args: string[], cwd: string, input?: string) {
  const r = spawnSync(PYTHON, args, { cwd, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  return r.stdout;
}
