// The C reference (bench/native/csr.c): the same CSR loop compiled by the system's C compiler,
// as the machine's practical limit. Skipped (null) when no compiler is installed.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type Example, type GraphDoc } from '../src/engine';
import type { Contender } from './contenders';

export interface NativeResult {
  rate: number;
  firstError: number;
  lastError: number;
  finite: boolean;
}

const SOURCE = fileURLToPath(new URL('./native/csr.c', import.meta.url));

/** binaries per optimisation level, built once per run */
export function buildNative(levels: string[]): Map<string, string> | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-native-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const built = new Map<string, string>();
  for (const level of levels) {
    const bin = join(dir, `csr${level}`);
    try {
      execFileSync('cc', [level, '-o', bin, SOURCE, '-lm'], { stdio: 'pipe' });
      built.set(level, bin);
    } catch {
      return null;
    }
  }
  return built;
}

/** the net and data as whitespace-separated numbers, in the order csr.c reads them */
function serialize(doc: GraphDoc, examples: readonly Example[], epochs: number, eta: number): string {
  const net = compile(doc);
  if (net.numOutputs !== 1) throw new Error('the C reference handles one output');
  const kind = Array.from(net.kind, (k) => (k === 0 ? 0 : k === 1 ? 1 : 2));
  const parts: (ArrayLike<number> | number[])[] = [
    [net.numNodes, net.numEdges, net.outputNode[0], examples.length, epochs, eta],
    net.order,
    kind,
    net.feature,
    net.inStart,
    net.inSrc,
    net.inEdge,
    net.outStart,
    net.outDst,
    net.outEdge,
    net.edgeSource,
    net.edgeTarget,
    net.weights,
    examples.flatMap((ex) => [ex.x[0], ex.x[1]]),
    examples.map((ex) => ex.y[0]),
  ];
  return parts.map((p) => Array.from(p, (v) => String(v)).join(' ')).join('\n');
}

export function runNative(bin: string, doc: GraphDoc, examples: readonly Example[], epochs: number, eta: number): NativeResult {
  const r = spawnSync(bin, [], { input: serialize(doc, examples, epochs, eta), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} exited with ${r.status}: ${r.stderr}`);
  const [rate, firstError, lastError, finite] = r.stdout.trim().split(/\s+/).map(Number);
  return { rate, firstError, lastError, finite: finite === 1 };
}

/** the C loop as a contender: each measurement is one run of the binary, timed by its own CPU clock */
export function nativeContender(level: string, bin: string): Contender {
  return {
    name: `C ${level} (same CSR loop, native)`,
    mode: 'sequential',
    supports: (net) => net.doc.nodes.filter((n) => n.type === 'neuron' && n.output !== undefined).length === 1,
    create(net, examples, eta) {
      let last: NativeResult | null = null;
      let first: NativeResult | null = null;
      return {
        epoch: () => void runNative(bin, net.doc, examples, 1, eta),
        measure(epochs) {
          last = runNative(bin, net.doc, examples, Math.max(epochs, 2), eta);
          first ??= last;
          return last.rate;
        },
        loss: () => last?.lastError ?? NaN,
        firstEpochError: () => first?.firstError ?? NaN,
        finite: () => last?.finite ?? false,
      };
    },
  };
}
