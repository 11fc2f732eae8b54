import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathFor, cleanStrayTemps, tempPathFor, TEMP_SUFFIX, writeFileAtomic } from '../../src/main/files/atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const target = join(dir, 'a.bpgraph.json');
    await writeFileAtomic(target, '{"v":1}', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['a.bpgraph.json']);
  });

  it('keeps the replaced version as <name>.bak', async () => {
    const target = join(dir, 'a.bpgraph.json');
    await writeFileAtomic(target, 'first', { backup: true });
    await writeFileAtomic(target, 'second', { backup: true });
    await writeFileAtomic(target, 'third', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('third');
    expect(await readFile(backupPathFor(target), 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual(['a.bpgraph.json', 'a.bpgraph.json.bak']);
  });

  it('writes no backup unless asked', async () => {
    const target = join(dir, 'draft.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readdir(dir)).toEqual(['draft.json']);
  });

  it('leaves the old file intact when the new one cannot be put in place', async () => {
    const target = join(dir, 'sub');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['sub']);
  });

  it('fails cleanly when the folder is missing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'data')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('long file names', () => {
  // a name near the file system's 255-byte limit: the temp and backup names must stay under it
  const longName = (bytes: number) => `${'n'.repeat(bytes - '.bpgraph.json'.length)}.bpgraph.json`;

  it.each([225, 240, 255])('saves (and backs up) a file whose name is %i bytes', async (bytes) => {
    const target = join(dir, longName(bytes));
    await writeFileAtomic(target, 'first', { backup: true });
    await writeFileAtomic(target, 'second', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readFile(backupPathFor(target), 'utf8')).toBe('first');
    expect((await readdir(dir)).length).toBe(2);
  });

  it('keeps temp and backup names within 255 bytes, for multi-byte names too', () => {
    const wide = join(dir, `${'ü'.repeat(121)}.bpgraph.json`); // 255 bytes
    for (const target of [join(dir, longName(255)), wide]) {
      expect(Buffer.byteLength(basename(tempPathFor(target)))).toBeLessThanOrEqual(255);
      expect(Buffer.byteLength(basename(backupPathFor(target)))).toBeLessThanOrEqual(255);
      expect(basename(tempPathFor(target))).toMatch(/^\..*\.bpgraph-tmp$/);
    }
    // names that fit keep the plain `<name>.bak`
    expect(backupPathFor(join(dir, 'a.bpgraph.json'))).toBe(join(dir, 'a.bpgraph.json.bak'));
  });

  it('gives two long names sharing a start different backups', () => {
    const a = join(dir, longName(255));
    const b = join(dir, `${'n'.repeat(250 - '.bpgraph.json'.length)}xxxxx.bpgraph.json`);
    expect(backupPathFor(a)).not.toBe(backupPathFor(b));
  });
});

describe('cleanStrayTemps', () => {
  it('removes only the temp files a killed save leaves', async () => {
    await writeFile(join(dir, `.a.bpgraph.json.123-abcd${TEMP_SUFFIX}`), 'half');
    await writeFile(join(dir, 'a.bpgraph.json'), 'whole');
    await writeFile(join(dir, '.hidden-user-file'), 'mine');
    const removed = await cleanStrayTemps(dir);
    expect(removed).toEqual([`.a.bpgraph.json.123-abcd${TEMP_SUFFIX}`]);
    expect((await readdir(dir)).sort()).toEqual(['.hidden-user-file', 'a.bpgraph.json']);
  });

  it('treats a missing folder as nothing to clean', async () => {
    expect(await cleanStrayTemps(join(dir, 'nope'))).toEqual([]);
  });
});
