import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanStrayTemps, TEMP_SUFFIX } from '../../src/main/files/atomicWrite';

// The promise behind Save: kill the saving process at any moment and the file on disk is still
// the old document or the new one, never a torn mix. A Node child saves a ~3 MB graph with the
// app's own atomic writer in a loop; we SIGKILL it at random times, 100 times.

const KILLS = 100;
let dir: string;
let childScript: string;
let docs: [string, string];

function bigDoc(tag: number): string {
  const examples = Array.from({ length: 60_000 }, (_, i) => ({ x: [Math.sin(i * tag), Math.cos(i + tag)], y: [i % 2] }));
  return JSON.stringify({
    format: 'backprop-studio.graph',
    version: 1,
    name: `doc ${tag}`,
    nodes: [
      { id: 'in_1', type: 'bias' },
      { id: 'in_x', type: 'input', feature: 0 },
      { id: 'in_y', type: 'input', feature: 1 },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    edges: [{ id: 'e', source: 'in_x', target: 'o', weight: tag }],
    dataset: { examples },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-kill-'));
  // the writer exactly as the app ships it, transpiled to plain JS so the child starts fast
  const source = await readFile(new URL('../../src/main/files/atomicWrite.ts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  await writeFile(join(dir, 'atomicWrite.mjs'), js);
  docs = [bigDoc(1), bigDoc(2)];
  expect(docs[0].length).toBeGreaterThan(2_500_000);
  await writeFile(join(dir, 'a.json'), docs[0]);
  await writeFile(join(dir, 'b.json'), docs[1]);
  childScript = join(dir, 'saver.mjs');
  await writeFile(
    childScript,
    `import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomicWrite.mjs';
const [target, a, b] = process.argv.slice(2);
const texts = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
process.stdout.write('go\\n');
for (let i = 1; ; i++) await writeFileAtomic(target, texts[i % 2], { backup: true });
`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function saveUntilKilled(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, join(dir, 'a.json'), join(dir, 'b.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`saver exited by itself (${signal})`))));
  });
}

it(`a save killed ${KILLS} times at random moments always leaves the old or the new document`, async () => {
  const target = join(dir, 'doc.bpgraph.json');
  await writeFile(target, docs[0]);
  const seen = new Set<string>();
  let strays = 0;
  for (let i = 0; i < KILLS; i++) {
    await saveUntilKilled(target, Math.random() * 60);
    const text = await readFile(target, 'utf8');
    expect(text === docs[0] || text === docs[1]).toBe(true);
    const parsed = JSON.parse(text) as { name: string };
    seen.add(parsed.name);
    const backup = await readFile(`${target}.bak`, 'utf8').catch(() => docs[0]);
    expect(backup === docs[0] || backup === docs[1]).toBe(true);
    strays += (await cleanStrayTemps(dir)).length;
    expect((await readdir(dir)).filter((n) => n.endsWith(TEMP_SUFFIX))).toEqual([]);
  }
  // the kills landed at different moments: both versions were seen, and some saves were cut short
  expect(seen.size).toBe(2);
  expect(strays).toBeGreaterThan(0);
}, 240_000);
