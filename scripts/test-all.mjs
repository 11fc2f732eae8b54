// `npm test`: every check, in order, on a clean clone — types, lint, unit tests (vitest), the web
// build, end-to-end tests (Playwright in system Chromium). Prints each runner's output, then one
// closing line with the summed counts: "N passed, N failed, N skipped". Exits non-zero when
// anything failed or a runner could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const results = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) problems.push(`${label} exited with ${r.status ?? r.signal}`);
  return r.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

// Type errors and lint findings count as one failed check each.
for (const [label, args] of [
  ['typecheck (node)', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (web)', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['typecheck (e2e)', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json']],
  ['lint', ['eslint', '.']],
]) {
  if (run(label, 'npx', args)) results.passed++;
  else results.failed++;
}

run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  results.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else problems.push('vitest wrote no report');

if (run('web build', 'npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'])) {
  // a port nobody uses right now, so a server left running elsewhere cannot stand in for ours
  run('end-to-end tests', 'npx', ['playwright', 'test'], { E2E_PORT: String(await freePort()) });
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    results.passed += e2e.stats.expected;
    results.failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
    results.skipped += e2e.stats.skipped;
  } else problems.push('playwright wrote no report');
} else {
  results.failed++;
}

console.log('');
for (const p of problems) console.log(`problem: ${p}`);
if (!existsSync('test-results/unit.json') || !existsSync('test-results/e2e.json')) {
  console.log('note: a runner did not report; its tests are not counted as passed');
}
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 || problems.length > 0 ? 1 : 0);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
