// The command line as a real process: the built bin (out/cli/backprop.mjs) run by node, from the
// repo root, exactly as `backprop …` or `npm run --silent cli -- …` runs it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGraph, type GraphDoc } from '../../src/engine';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'out/cli/backprop.mjs');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const TWO_FIVE_ONE = join(FIXTURES, 'tutorial-2-5-1.bpgraph.json');
export const PERCEPTRON = join(FIXTURES, 'tutorial-perceptron.bpgraph.json');

/** builds the bin when a source is newer (every test file calls it; parallel builds rename atomically) */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}

function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.npm_lifecycle_event; // paths are relative to the process's cwd here
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: cliEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** a running CLI process (for signals), with its output collected */
export function startCli(...args: string[]): { child: ChildProcess; done: Promise<CliResult>; stdout: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

export function loadDoc(file: string): GraphDoc {
  const result = parseGraph(readFileSync(file, 'utf8'));
  if (!result.ok) throw result.error;
  return result.doc;
}
