// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { parseGraph } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { StepDetail } from '../../../src/renderer/src/stepper/StepDetail';
import { buildSession } from '../../../src/renderer/src/stepper/session';
import { stepAt, stepCount } from '../../../src/renderer/src/stepper/machine';
import { EPOCH_START } from '../../../src/renderer/src/stepper/batch';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const host = document.createElement('div');
document.body.append(host);
afterEach(() => (host.innerHTML = ''));

function backwardStep(neuron: string) {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  const session = buildSession(nets, r.doc, 0, EPOCH_START)!;
  for (let i = 0; i < stepCount(session.plan); i++) {
    const info = stepAt(session.plan, i);
    if (info.phase === 'backward' && info.current === neuron) return { session, step: i };
  }
  throw new Error(`no backward step for ${neuron}`);
}

function render(neuron: string) {
  const { session, step } = backwardStep(neuron);
  const root = createRoot(host);
  act(() => root.render(<StepDetail session={session} step={step} />));
  const blocks = [...host.querySelectorAll<HTMLElement>('[data-formula]')];
  const result = { session, blocks: blocks.map((b) => ({ quantity: b.dataset.formula!, value: Number(b.dataset.value), text: b.textContent ?? '' })) };
  act(() => root.unmount());
  return result;
}

describe('a backward step shows the whole chain rule', () => {
  it.each(['6', '3'])('neuron %s: ∂h/∂s beside ∂E/∂s = 2(h − y)·∂h/∂s, and ∂E/∂w = ∂E/∂s · z_j for each edge in', (id) => {
    const { session, blocks } = render(id);
    const k = session.values.nodes[id];
    const h = session.values.outputs[0];
    expect(blocks.map((b) => b.quantity)).toEqual(['dhds', 'dEds', ...k.incoming.map(() => 'grad')]);
    const dEds = blocks[1];
    expect(dEds.value).toBe(k.dEds);
    expect(dEds.value).toBeCloseTo(2 * (h.h - h.y) * (k.dhds?.[0] ?? 0), 12);
    k.incoming.forEach((e, i) => {
      const grad = blocks[2 + i];
      expect(grad.value).toBe(session.values.edges[e].grad);
      const j = session.values.nodes[session.values.edges[e].source];
      expect(grad.value).toBeCloseTo((k.dEds ?? 0) * j.z, 12);
    });
  });
});

describe('what the step card says about training’s epoch', () => {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  const examples = r.doc.dataset.examples.map((ex, i) => (i === 1 ? { ...ex, test: true } : ex));
  const doc = { ...r.doc, dataset: { ...r.doc.dataset, examples }, training: { ...r.doc.training, mode: 'minibatch' as const, batchSize: 4 } };

  const textAt = (index: number, last: boolean) => {
    const session = buildSession(nets, doc, index, index === 3 ? { done: 2, sum: {} } : EPOCH_START)!;
    const root = createRoot(host);
    act(() => root.render(<StepDetail session={session} step={last ? stepCount(session.plan) - 1 : 0} />));
    const text = host.textContent ?? '';
    act(() => root.unmount());
    return text;
  };

  it('a mini-batch example names its batch and its examples (the test example left out)', () => {
    expect(textAt(0, false)).toContain('Epoch 1 (0 finished), batch 1 of 15 (examples 1, 3, 4 and 5): position 1 of 4 in this batch.');
    expect(textAt(3, true)).toContain('Batch 1 of 15 (examples 1, 3, 4 and 5): 3 of 4 examples summed at the same weights; the update comes after example 5');
  });

  it('a test example says plainly that it is never trained on, and ends without a gradient', () => {
    const end = textAt(1, true);
    expect(end).toContain('Test example: no training');
    expect(end).toContain('This is a test example: training never learns from it.');
    expect(end).not.toContain('∂Eᵢ/∂w');
  });
});

describe('the Update phase of an update past the weight limit', () => {
  it('says before the learner presses Next that the update will not be applied, naming the weight', () => {
    const r = parseGraph(tutorialText);
    if (!r.ok) throw r.error;
    const render = (learningRate: number) => {
      const session = buildSession(nets, { ...r.doc, training: { ...r.doc.training, learningRate } }, 0, EPOCH_START)!;
      const root = createRoot(host);
      act(() => root.render(<StepDetail session={session} step={stepCount(session.plan) - 1} />));
      const text = host.textContent ?? '';
      act(() => root.unmount());
      return { session, text };
    };
    const huge = render(1e9);
    expect(huge.session.crossing).not.toBeNull();
    expect(huge.text).toContain(`This update would put w [edge ${huge.session.crossing!.edgeId}]`);
    expect(huge.text).toContain('Next step does not apply it and stops stepping.');
    // η in the page's one number format, not the float's digits ("η = 1000000000")
    expect(huge.text).toContain('η = 1e9.');
    expect(render(0.1 + 0.2).text).toContain('η = 0.3.');
    const usual = render(r.doc.training.learningRate);
    expect(usual.session.crossing).toBeNull();
    expect(usual.text).toContain('Next step applies it (undo with Back)');
  });
});
