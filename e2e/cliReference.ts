import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The command line's numbers for example 0 of a file, the reference the step-through and the
// predict tests compare the page with: `trace` for every value of the pass, and `train` for one
// sequential update on a copy holding example 0 only (the step-through's update).

export interface Trace {
  nodes: Record<string, { s?: number; z: number; dhds?: Record<string, number>; dEds?: number }>;
  error: number;
  edges: Record<string, { weight: number; grad: number }>;
}

export function cli(...args: string[]): unknown {
  return JSON.parse(execFileSync('npm', ['run', '--silent', 'cli', '--', ...args], { encoding: 'utf8' }));
}

/** example 0's trace, and the weights after its one update (edge id → new weight) */
export function exampleZeroReference(file: string): { trace: Trace; trained: Record<string, number> } {
  const trace = cli('trace', file, '--example', '0', '--json') as Trace;
  const dir = mkdtempSync(join(tmpdir(), 'reference-'));
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.training = { ...doc.training, mode: 'sequential', shuffle: false };
    doc.dataset.examples = doc.dataset.examples.slice(0, 1);
    const copy = join(dir, 'one.bpgraph.json');
    writeFileSync(copy, JSON.stringify(doc));
    const trained = (cli('train', copy, '--epochs', '1', '--json') as { weights: Record<string, number> }).weights;
    return { trace, trained };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
