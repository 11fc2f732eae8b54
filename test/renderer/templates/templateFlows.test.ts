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
/** a net with no positions: applying it waits for the layout */
const unplaced = { name: 'Layered 2-3-1', build: () => ({ ...layeredDoc([2, 3, 1]), nodes: layeredDoc([2, 3, 1]).nodes.map(({ position: _, ...n }) => n) }) };

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

  it('opens while training runs: the weights training writes during the layout are not an edit that cancels it', async () => {
    const { studio, asked } = openedFile('discard');
    const applying = studio.templates.apply(unplaced);
    // training's running writes, as the controller makes them, while the layout is under way
    studio.document.setTraining({ epoch: 7 }, { history: false });
    studio.document.setWeights({ 'in_1->1': 0.25 }, { history: false });
    expect(await applying).toBe(true);
    expect(asked).toEqual(['mine']); // the trained weights are unsaved: asked first, as New does
    expect(studio.document.getState().doc.nodes.map((n) => n.id)).toEqual(layeredDoc([2, 3, 1]).nodes.map((n) => n.id));
  });

  it('opened while training runs, it starts paused at epoch 0 and unedited, as an opened file does', async () => {
    const env = fakeEnv({ platform: fakePlatform({ confirmUnsaved: async () => 'discard' }) });
    const studio = testStudio({ env, initial: perceptron.build(tutorial()) });
    studio.controller.start();
    studio.controller.play();
    env.clock.advance(100);
    expect(studio.training.getState().running).toBe(true);
    const tutorial251 = TEMPLATES.find((t) => t.name === 'Tutorial 2-5-1')!;
    expect(await studio.templates.apply(tutorial251)).toBe(true);
    env.clock.advance(100);
    expect(studio.training.getState().running).toBe(false);
    const s = studio.document.getState();
    expect(s.doc.name).toBe(tutorial251.build(tutorial()).name);
    expect(s.doc.training.epoch).toBe(0);
    expect(selectDirty(s)).toBe(false);
    studio.controller.stop();
  });

  it('a person’s edit during the layout keeps their document', async () => {
    const { studio } = openedFile('discard');
    const applying = studio.templates.apply(unplaced);
    studio.document.setTraining({ learningRate: studio.document.getState().doc.training.learningRate + 0.25 });
    expect(await applying).toBe(false);
    expect(studio.document.getState().filePath).toBe('/home/me/mine.bpgraph.json');
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
