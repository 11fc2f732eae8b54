// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { exportNotebook, exportNumpy, exportPytorch } from '../../../src/engine/export';
import { codeFileName } from '../../../src/renderer/src/files/exportFlows';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

// File › Export code writes exactly what the command line's `export` writes, under the document's name.

describe('exporting the network as code', () => {
  it('writes the PyTorch, NumPy and notebook programs of the open document, named after it', async () => {
    const exportFile = vi.fn(async (o: { fileName: string }) => ({ status: 'saved' as const, filePath: o.fileName }));
    const studio = testStudio({ env: fakeEnv({ platform: fakePlatform({ exportFile }) }), initial: tutorial251() });
    studio.document.markSaved({ fileName: 'Lesson 2.bpgraph.json' });
    await studio.commands.run('file.exportPytorch'); // not registered until started
    expect(exportFile).not.toHaveBeenCalled();
    studio.start();
    await studio.commands.run('file.exportPytorch');
    await studio.commands.run('file.exportNumpy');
    await studio.commands.run('file.exportNotebook');
    const doc = studio.document.getState().doc;
    expect(exportFile.mock.calls.map(([o]) => o)).toEqual([
      { fileName: 'Lesson 2-pytorch.py', kind: 'py', data: exportPytorch(doc) },
      { fileName: 'Lesson 2-numpy.py', kind: 'py', data: exportNumpy(doc) },
      { fileName: 'Lesson 2.ipynb', kind: 'ipynb', data: exportNotebook(doc) },
    ]);
    expect(studio.notices.getState().notices.at(-1)!.message).toBe('Exported “Lesson 2.ipynb”');
    studio.stop();
  });

  it('says why when the network cannot be written as code, and writes nothing', async () => {
    const exportFile = vi.fn(async () => ({ status: 'saved' as const, filePath: 'x' }));
    const broken = tutorial251();
    const studio = testStudio({ env: fakeEnv({ platform: fakePlatform({ exportFile }) }), initial: { ...broken, edges: [...broken.edges, { id: 'loop', source: '6', target: '1', weight: 0 }] } });
    await studio.exports.exportCode('numpy');
    expect(exportFile).not.toHaveBeenCalled();
    const notice = studio.notices.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.message).toMatch(/^Couldn’t export “.*-numpy.py”: .*cycle/);
  });

  it('names files after the document', () => {
    expect(codeFileName('XOR 2-2-1.bpgraph.json', 'pytorch')).toBe('XOR 2-2-1-pytorch.py');
    expect(codeFileName('Untitled.bpgraph.json', 'notebook')).toBe('Untitled.ipynb');
  });
});
