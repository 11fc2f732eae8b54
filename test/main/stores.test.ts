import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/main/files/draftStore';
import { RecentFiles } from '../../src/main/files/recentFiles';
import { PathGrants, withGraphExtension } from '../../src/main/files/pathGrants';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-stores-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RecentFiles', () => {
  it('keeps the most recent first, without duplicates, at most max, across restarts', async () => {
    const store = join(dir, 'recent.json');
    const recent = new RecentFiles(store, 3);
    await recent.load();
    for (const name of ['a', 'b', 'c', 'a', 'd']) await recent.add(join(dir, `${name}.json`));
    expect(recent.list()).toEqual(['d', 'a', 'c'].map((n) => join(dir, `${n}.json`)));
    const again = new RecentFiles(store, 3);
    expect(await again.load()).toEqual(recent.list());
  });

  it('reads a corrupt or hostile list as empty, and drops relative paths', async () => {
    const store = join(dir, 'recent.json');
    await writeFile(store, '{"__proto__": 1}');
    expect(await new RecentFiles(store).load()).toEqual([]);
    await writeFile(store, JSON.stringify(['relative.json', join(dir, 'ok.json')]));
    expect(await new RecentFiles(store).load()).toEqual([join(dir, 'ok.json')]);
  });
});

describe('DraftStore', () => {
  it('saves, loads and clears the recovery draft', async () => {
    const drafts = new DraftStore(dir, () => 1234);
    expect(await drafts.load()).toBeNull();
    await drafts.save({ text: '{"doc":1}', fileName: 'n.bpgraph.json', filePath: null });
    expect(await drafts.load()).toEqual({ text: '{"doc":1}', fileName: 'n.bpgraph.json', filePath: null, savedAt: 1234 });
    await drafts.clear();
    expect(await drafts.load()).toBeNull();
    await drafts.clear();
  });

  it('refuses a draft it cannot write with the reason in words, not the temp file’s errno', async () => {
    const full = Object.assign(new Error(`ENOSPC: no space left on device, write '${join(dir, '.recovery-draft.json.1-ab.bpgraph-tmp')}'`), { code: 'ENOSPC' });
    const drafts = new DraftStore(dir, Date.now, async () => {
      throw full;
    });
    const save = drafts.save({ text: '{}', fileName: 'n.bpgraph.json', filePath: null });
    await expect(save).rejects.toThrow(`the disk holding ${dir} is full`);
    await expect(save).rejects.not.toThrow(/bpgraph-tmp|ENOSPC/);
  });

  it('treats a torn or foreign draft file as no draft', async () => {
    const drafts = new DraftStore(dir);
    await writeFile(drafts.path, '{"text": "x", "fileN');
    expect(await drafts.load()).toBeNull();
    await writeFile(drafts.path, JSON.stringify({ text: 'x', fileName: 'a', filePath: null, savedAt: 1, extra: true }));
    expect(await drafts.load()).toBeNull();
    expect(await readFile(drafts.path, 'utf8')).toContain('extra');
  });
});

describe('PathGrants', () => {
  it('allows only granted or recent absolute paths', () => {
    const recent = new Set([join(dir, 'recent.json')]);
    const grants = new PathGrants((p) => recent.has(p));
    grants.grant(join(dir, 'chosen.json'));
    grants.grant('relative.json');
    expect(grants.allows(join(dir, 'chosen.json'))).toBe(true);
    expect(grants.allows(join(dir, 'sub', '..', 'chosen.json'))).toBe(true);
    expect(grants.allows(join(dir, 'recent.json'))).toBe(true);
    expect(grants.allows(join(dir, 'other.json'))).toBe(false);
    expect(grants.allows('relative.json')).toBe(false);
    expect(grants.allows(join(dir, 'chosen.json', '..', 'other.json'))).toBe(false);
  });

  it('adds the graph extension only when the name has none', () => {
    expect(withGraphExtension('/a/net')).toBe('/a/net.bpgraph.json');
    expect(withGraphExtension('/a.b/net')).toBe('/a.b/net.bpgraph.json');
    expect(withGraphExtension('/a/net.json')).toBe('/a/net.json');
  });
});
