import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileService, type FileDialogs } from '../../src/main/files/fileService';
import { RecentFiles } from '../../src/main/files/recentFiles';
import { parseGraph } from '../../src/engine';

// Opening and saving on the real file system, with the person's dialog answers scripted.

let dir: string;
let answers: { open: string | null; save: string | null; overwrite: boolean; replace: boolean };
let asked: string[];
let service: FileService;
let recent: RecentFiles;

const dialogs: FileDialogs = {
  chooseOpenPath: async () => (asked.push('open'), answers.open),
  chooseSavePath: async () => (asked.push('save'), answers.save),
  confirmOverwriteChanged: async () => (asked.push('overwrite'), answers.overwrite),
  confirmReplace: async () => (asked.push('replace'), answers.replace),
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-files-'));
  answers = { open: null, save: null, overwrite: false, replace: false };
  asked = [];
  recent = new RecentFiles(join(dir, 'recent.json'));
  await recent.load();
  service = new FileService(recent, dialogs);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('open', () => {
  it('reads the file the person chose and remembers it as recent', async () => {
    const path = join(dir, 'net.bpgraph.json');
    await writeFile(path, '{"hello":1}');
    answers.open = path;
    expect(await service.openWithDialog()).toEqual({ status: 'opened', text: '{"hello":1}', fileName: 'net.bpgraph.json', filePath: path });
    expect(recent.list()).toEqual([path]);
  });

  it('reports a cancelled dialog as cancelled', async () => {
    expect(await service.openWithDialog()).toEqual({ status: 'cancelled' });
  });

  it('refuses a path the person never chose', async () => {
    const path = join(dir, 'secret.json');
    await writeFile(path, '{}');
    const result = await service.openPath(path);
    expect(result).toMatchObject({ status: 'error', fileName: 'secret.json' });
  });

  it('opens a recent file, and forgets one that has disappeared, naming the problem', async () => {
    const path = join(dir, 'gone.bpgraph.json');
    await recent.add(path);
    const result = await service.openPath(path);
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('could not be found') });
    expect(recent.list()).toEqual([]);
  });

  it('hands the text over with its byte-order mark, for the reader to accept exactly one', async () => {
    const path = join(dir, 'bom.bpgraph.json');
    await writeFile(path, Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    answers.open = path;
    expect(await service.openWithDialog()).toMatchObject({ status: 'opened', text: '\uFEFF\uFEFF{}' });
    expect(parseGraph('\uFEFF\uFEFF{}')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/two byte-order marks/) } });
  });

  it('names a folder and invalid UTF-8 as such', async () => {
    const folder = join(dir, 'folder.json');
    await mkdir(folder);
    answers.open = folder;
    expect(await service.openWithDialog()).toMatchObject({ status: 'error', message: expect.stringContaining('is a folder') });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    answers.open = bad;
    expect(await service.openWithDialog()).toMatchObject({ status: 'error', message: expect.stringContaining('not valid UTF-8') });
  });
});

describe('save', () => {
  it('Save As writes where the person chose, adding the extension when none was typed', async () => {
    answers.save = join(dir, 'mine');
    const result = await service.save({ text: 'A', fileName: 'Untitled.bpgraph.json', filePath: null, saveAs: false });
    const path = join(dir, 'mine.bpgraph.json');
    expect(result).toEqual({ status: 'saved', filePath: path, fileName: 'mine.bpgraph.json' });
    expect(await readFile(path, 'utf8')).toBe('A');
    expect(recent.list()).toEqual([path]);
  });

  it('Save writes to the open file, keeping the previous version as a backup', async () => {
    const path = join(dir, 'n.bpgraph.json');
    await writeFile(path, 'old');
    answers.open = path;
    await service.openWithDialog();
    expect(await service.save({ text: 'new', fileName: 'n.bpgraph.json', filePath: path, saveAs: false })).toMatchObject({ status: 'saved' });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('old');
    expect(asked).toEqual(['open']);
  });

  it('asks before overwriting a file that changed on disk since it was opened, and keeps it on Cancel', async () => {
    const path = join(dir, 'shared.bpgraph.json');
    await writeFile(path, 'v1');
    answers.open = path;
    await service.openWithDialog();
    await writeFile(path, 'someone else');
    expect(await service.save({ text: 'mine', fileName: 'shared.bpgraph.json', filePath: path, saveAs: false })).toEqual({ status: 'cancelled' });
    expect(asked).toEqual(['open', 'overwrite']);
    expect(await readFile(path, 'utf8')).toBe('someone else');

    answers.overwrite = true;
    expect(await service.save({ text: 'mine', fileName: 'shared.bpgraph.json', filePath: path, saveAs: false })).toMatchObject({ status: 'saved' });
    expect(await readFile(path, 'utf8')).toBe('mine');
    // once saved, our own version is the known one: the next save does not ask
    asked = [];
    await service.save({ text: 'mine 2', fileName: 'shared.bpgraph.json', filePath: path, saveAs: false });
    expect(asked).toEqual([]);
  });

  it('refuses to write a path the renderer names but the person never chose', async () => {
    const path = join(dir, 'elsewhere.json');
    const result = await service.save({ text: 'x', fileName: 'elsewhere.json', filePath: path, saveAs: false });
    expect(result).toMatchObject({ status: 'error' });
    expect(await readdir(dir)).not.toContain('elsewhere.json');
  });

  it('names the file and the problem in words when a save fails, never errno text or the temp file', async () => {
    const gone = join(dir, 'gone');
    answers.save = join(gone, 'lost.bpgraph.json');
    const missing = await service.save({ text: 'x', fileName: 'lost.bpgraph.json', filePath: null, saveAs: true });
    const folder = join(dir, 'folder.bpgraph.json');
    await mkdir(folder);
    await writeFile(join(folder, 'inside'), 'x');
    answers.save = folder;
    const onFolder = await service.save({ text: 'x', fileName: 'folder.bpgraph.json', filePath: null, saveAs: true });
    answers.save = join(dir, `${'n'.repeat(300)}.bpgraph.json`);
    const tooLong = await service.save({ text: 'x', fileName: 'long.bpgraph.json', filePath: null, saveAs: true });
    const messages = [missing, onFolder, tooLong].map((r) => (r.status === 'error' ? r.message : r.status));
    expect(messages[0]).toMatch(/^“lost\.bpgraph\.json” could not be saved: its folder .*gone.* no longer exists/);
    expect(messages[1]).toMatch(/^“folder\.bpgraph\.json” could not be saved: .*is a folder/);
    expect(messages[2]).toMatch(/could not be saved: the name is too long/);
    for (const message of messages) {
      expect(message).not.toMatch(/bpgraph-tmp|E[A-Z]{3,}|errno|syscall/);
    }
  });

  it('saves a file with a name of 240 characters', async () => {
    const path = join(dir, `${'n'.repeat(227)}.bpgraph.json`);
    answers.save = path;
    expect(await service.save({ text: 'A', fileName: 'x.bpgraph.json', filePath: null, saveAs: true })).toMatchObject({ status: 'saved', filePath: path });
    expect(await service.save({ text: 'B', fileName: 'x.bpgraph.json', filePath: path, saveAs: false })).toMatchObject({ status: 'saved' });
    expect(await readFile(path, 'utf8')).toBe('B');
  });

  it('asks before replacing a file the added extension would collide with', async () => {
    await writeFile(join(dir, 'x.bpgraph.json'), 'keep');
    answers.save = join(dir, 'x');
    expect(await service.save({ text: 'new', fileName: 'x', filePath: null, saveAs: true })).toEqual({ status: 'cancelled' });
    expect(asked).toEqual(['save', 'replace']);
    expect(await readFile(join(dir, 'x.bpgraph.json'), 'utf8')).toBe('keep');
  });
});
