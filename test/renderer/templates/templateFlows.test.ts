import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { TEMPLATES } from '../../../src/renderer/src/templates/catalog';
import { layeredDoc } from '../../../src/renderer/src/templates/layered';
import { clearOnNewDocument } from '../../../src/renderer/src/store/notices';
import { selectDirty } from '../../../src/renderer/src/store/document';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

function tutorial() {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return r.doc;
}

const perceptron = TEMPLATES.find((t) => t.id === 'perceptron')!;

function openedFile(confirm: 'save' | 'discard' | 'cancel' = 'discard') {
  const asked: string[] = [];
  const platform = fakePlatform({ confirmUnsaved: async (name) => (asked.push(name), confirm) });
  const studio = testStudio({ env: fakeEnv({ platform }) });
  studio.document.loadDocument(tutorial(), { filePath: '/home/me/mine.bpgraph.json' });
  return { studio, asked };
}

describe('a template or a generated net', () => {
  it('is a new, untitled document: Save cannot write it over the open file', async () => {
    const { studio } = openedFile();
    expect(await studio.templates.apply(perceptron)).toBe(true);
    const s = studio.document.getState();
    expect(s.filePath).toBeNull();
    expect(s.fileName).not.toMatch(/mine/);
    expect(s.past).toHaveLength(0);
    expect(s.doc.nodes.length).toBeLessThan(tutorial().nodes.length);
  });

  it('generated layered: also new and untitled', async () => {
    const { studio } = openedFile();
    await studio.templates.apply({ name: 'Layered 2-3-1', build: (d) => layeredDoc([2, 3, 1], { dataset: d.dataset }) });
    expect(studio.document.getState().filePath).toBeNull();
  });

  it('asks about unsaved changes first, and Cancel keeps the document', async () => {
    const { studio, asked } = openedFile('cancel');
    studio.document.setEdgeWeight('in_1->1', 2);
    expect(await studio.templates.apply(perceptron)).toBe(false);
    expect(asked).toEqual(['mine']);
    const s = studio.document.getState();
    expect(s.filePath).toBe('/home/me/mine.bpgraph.json');
    expect(selectDirty(s)).toBe(true);
  });

  it('takes the old document’s notices (a divergence message) with it', async () => {
    const { studio } = openedFile();
    const stop = clearOnNewDocument(studio.notices, studio.document);
    studio.notices.notify('Training stopped: E diverged at epoch 3', 'error');
    studio.document.setEdgeWeight('in_1->1', 2); // an edit keeps them
    expect(studio.notices.getState().notices).toHaveLength(1);
    await studio.templates.apply(perceptron);
    expect(studio.notices.getState().notices).toHaveLength(0);
    stop();
  });
});
