// No import cycles anywhere in src (type-only imports count too: a cycle of types still ties
// two modules so neither can be read, tested or moved alone). dpdm resolves the imports with
// the TypeScript compiler. Cycles that existed when this test was written are listed below, each
// with the helper removing it; the test fails on any other cycle, and on a listed cycle that is
// gone (so the list only shrinks).

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCircular, parseDependencyTree } from 'dpdm';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** cycles known on 2026-12-01, each written file → file (any rotation); remove a line with its cycle */
/** none: a new cycle fails this test (one that has to stay would be written here, with its reason) */
const KNOWN_CYCLES: readonly string[] = [];

/** the cycle written once, from its alphabetically first file, so a rotation is the same cycle */
function canonical(cycle: readonly string[]): string {
  const start = cycle.indexOf([...cycle].sort()[0]);
  return [...cycle.slice(start), ...cycle.slice(0, start)].join(' → ');
}

describe('imports in src', () => {
  it('form no cycle beyond the known ones', { timeout: 120_000 }, async () => {
    const tree = await parseDependencyTree('src/**/*.{ts,tsx}', {
      context: ROOT,
      cwd: ROOT,
      transform: false,
      skipDynamicImports: false,
    });
    const cycles = parseCircular(tree).map(canonical).sort();
    expect(cycles).toEqual([...KNOWN_CYCLES].map((c) => canonical(c.split(' → '))).sort());
  });
});
