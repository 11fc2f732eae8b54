// The migration sequence: the table checks itself, files of every supported version are brought to
// the current one in order, and every real step is pinned by a before/after fixture.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createMigrationSequence,
  CURRENT_VERSION,
  graphToJson,
  MIGRATIONS,
  MigrationSequenceError,
  parseGraph,
  SUPPORTED_VERSIONS,
  type Migration,
} from '../../../src/engine';
import { migrate, type RawFile } from '../../../src/engine/format/migrations';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

/** a pretend version 2: `weight` on an edge is renamed `w` */
const renameWeight: Migration = {
  to: 2,
  name: 'edges-say-w',
  up: (file) => ({
    ...file,
    edges: Array.isArray(file.edges) ? file.edges.map(({ weight, ...rest }) => ({ ...rest, w: weight })) : file.edges,
  }),
};

/** a pretend version 3: the document gets a `createdBy` */
const addCreator: Migration = { to: 3, name: 'add-creator', up: (file) => ({ ...file, createdBy: 'someone' }) };

const v1File = (): RawFile => ({
  format: 'backprop-studio.graph',
  version: 1,
  nodes: [{ id: 'a', type: 'input', feature: 0 }],
  edges: [{ id: 'e', source: 'a', target: 'b', weight: 0.5 }],
  dataset: { examples: [] },
});

function migrated(file: RawFile, sequence = createMigrationSequence(1, [renameWeight, addCreator])): RawFile {
  const result = migrate(file, sequence);
  if (!result.ok) throw new Error(result.issue.message);
  return result.file;
}

function refusal(file: RawFile, sequence = createMigrationSequence(1, [renameWeight])): string {
  const result = migrate(file, sequence);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.issue.code).toBe('version');
  return result.issue.message;
}

describe('a migration sequence with a pretend version 2', () => {
  const v2 = createMigrationSequence(1, [renameWeight]);

  it('knows its versions from its steps', () => {
    expect(v2.currentVersion).toBe(2);
    expect(createMigrationSequence(1, []).currentVersion).toBe(1);
    expect(createMigrationSequence(1, [renameWeight, addCreator]).currentVersion).toBe(3);
  });

  it('brings a version-1 file to version 2 with the step’s up', () => {
    const out = migrated(v1File(), v2);
    expect(out.version).toBe(2);
    expect(out.edges).toEqual([{ id: 'e', source: 'a', target: 'b', w: 0.5 }]);
    expect(out.nodes).toEqual(v1File().nodes);
  });

  it('leaves a version-2 file as it is', () => {
    const file = { ...migrated(v1File(), v2) };
    expect(migrated(file, v2)).toEqual(file);
  });

  it('runs every later step, oldest first, and only those', () => {
    const fromV1 = migrated(v1File());
    expect(fromV1).toMatchObject({ version: 3, createdBy: 'someone', edges: [{ w: 0.5 }] });
    const v2File = { ...v1File(), version: 2, edges: [{ id: 'e', source: 'a', target: 'b', w: 0.25 }] };
    expect(migrated(v2File)).toMatchObject({ version: 3, createdBy: 'someone', edges: [{ w: 0.25 }] });
  });

  it('does not change the file it was given', () => {
    const file = v1File();
    migrated(file);
    expect(file).toEqual(v1File());
  });

  it('names every version it reads when it refuses one', () => {
    expect(refusal({ ...v1File(), version: 3 })).toMatch(/version 3 is newer than this app understands \(it reads version 1, 2\)/);
    expect(refusal({ ...v1File(), version: 0 })).toMatch(/unsupported version 0; this app reads version 1, 2/);
    expect(refusal({ ...v1File(), version: '2' })).toMatch(/unsupported version "2" \(a string/);
    expect(refusal({ ...v1File(), version: 1.5 })).toMatch(/unsupported version 1\.5/);
    expect(refusal({ ...v1File(), version: undefined })).toMatch(/no "version"/);
  });

  it('reports a step that cannot read the file by its name, as a value', () => {
    const picky: Migration = {
      to: 2,
      name: 'needs-edges',
      up: () => {
        throw new Error('edges must be a list');
      },
    };
    const message = refusal(v1File(), createMigrationSequence(1, [picky]));
    expect(message).toBe('could not bring the file from version 1 to 2 (step "needs-edges"): edges must be a list');
  });
});

describe('a migration sequence checks itself when it is built', () => {
  const step = (to: number, name: string): Migration => ({ to, name, up: (f) => f });

  it('refuses a gap, a step out of order or a repeated version', () => {
    expect(() => createMigrationSequence(1, [step(3, 'skips-two')])).toThrow(/goes to version 3.*expected 2/);
    expect(() => createMigrationSequence(1, [step(2, 'a'), step(2, 'b')])).toThrow(/goes to version 2.*expected 3/);
    expect(() => createMigrationSequence(1, [step(3, 'a'), step(2, 'b')])).toThrow(MigrationSequenceError);
  });

  it('refuses a step without a name, or two steps with one name', () => {
    expect(() => createMigrationSequence(1, [step(2, '')])).toThrow(/needs a name/);
    expect(() => createMigrationSequence(1, [step(2, 'Rename Weight')])).toThrow(/needs a name in lower-case-with-dashes/);
    expect(() => createMigrationSequence(1, [step(2, 'same'), step(3, 'same')])).toThrow(/two steps are named "same"/);
  });

  it('refuses a first version that is not a whole number ≥ 1', () => {
    expect(() => createMigrationSequence(0, [])).toThrow(/first version/);
    expect(() => createMigrationSequence(1.5, [])).toThrow(/first version/);
  });

  it('starts counting at its first version', () => {
    expect(createMigrationSequence(4, [step(5, 'five')]).currentVersion).toBe(5);
    expect(() => createMigrationSequence(4, [step(2, 'two')])).toThrow(/expected 5/);
  });
});

describe("the graph file's own sequence", () => {
  it('reads every version from its first to the one the writer writes', () => {
    expect(SUPPORTED_VERSIONS).toEqual(Array.from({ length: CURRENT_VERSION - MIGRATIONS.firstVersion + 1 }, (_, i) => MIGRATIONS.firstVersion + i));
    expect(graphToJson(loadFixture(TWO_FIVE_ONE)).version).toBe(CURRENT_VERSION);
  });

  const FIXTURES = fileURLToPath(new URL('../../fixtures/migrations/', import.meta.url));
  const fixtureSteps = existsSync(FIXTURES)
    ? [...new Set(readdirSync(FIXTURES).flatMap((f) => /^(\d+-[a-z0-9-]+)\.(before|after)\.json$/.exec(f)?.[1] ?? []))]
    : [];
  const json = (name: string): RawFile => JSON.parse(readFileSync(FIXTURES + name, 'utf8'));

  it('has a before/after fixture pair for every step, and none for a step it lacks', () => {
    expect(fixtureSteps.sort()).toEqual(MIGRATIONS.migrations.map((m) => `${m.to}-${m.name}`).sort());
  });

  it.each(MIGRATIONS.migrations.map((m) => [`${m.to}-${m.name}`, m] as const))('step %s turns its before into its after', (slug, step) => {
    const before = json(`${slug}.before.json`);
    expect(before.version).toBe(step.to - 1);
    expect({ ...step.up(before), version: step.to }).toEqual(json(`${slug}.after.json`));
    const read = parseGraph(JSON.stringify(before));
    expect(read.ok ? 'read' : read.error.message).toBe('read');
  });
});
