import { describe, expect, it } from 'vitest';
import { compile, trainExample } from '../../../src/engine';
import { EPOCH_START } from '../../../src/renderer/src/stepper/batch';
import { buildSession } from '../../../src/renderer/src/stepper/session';
import { updateRule } from '../../../src/renderer/src/stepper/StepDetail';
import { INITIAL_STEPPER } from '../../../src/renderer/src/stepper/store';
import { testStudio } from '../studio/fakeEnv';
import { layeredDoc } from '../training/fixtures';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

// The step-through's Update phase makes the engine's update, regulariser and momentum included,
// and applying it keeps momentum's velocities with the weights.

const doc = (() => {
  const d = layeredDoc([3], { count: 6, training: { regularization: { kind: 'L2', rate: 0.05 }, momentum: 0.9 } });
  return { ...d, edges: d.edges.map((e, i) => ({ ...e, velocity: (i % 3) * 0.05 - 0.04 })) };
})();

describe('the step-through’s update with version 2’s options', () => {
  it('ends a sequential example in the engine’s L2 + momentum update, and names the rule', () => {
    const session = buildSession(nets, doc, 0, EPOCH_START)!;
    const net = compile(doc);
    const ex = doc.dataset.examples[0];
    trainExample(net, ex.x, ex.y, doc.training.learningRate, { regularization: doc.training.regularization, momentum: 0.9 });
    expect(doc.edges.map((e) => session.updates![e.id].next)).toEqual(Array.from(net.weights));
    expect(doc.edges.map((e) => session.velocities![e.id])).toEqual(Array.from(net.velocity));
    expect(updateRule('∂Eᵢ/∂w', session.update)).toBe('g = ∂Eᵢ/∂w + 2λw (bias edges: no penalty), λ = 0.05; v ← βv + g, Δw = −η v, β = 0.9');
    expect(updateRule('∂Eᵢ/∂w', { regularization: { kind: 'none', rate: 0 }, momentum: 0 })).toBe('Δw = −η ∂Eᵢ/∂w');
    // λ and β in the page's one number format, not the float's digits
    expect(updateRule('g', { regularization: { kind: 'L1', rate: 0.1 + 0.2 }, momentum: 0.7 + 0.2 })).toBe('g = g + λ sign w (bias edges: no penalty), λ = 0.3; v ← βv + g, Δw = −η v, β = 0.9');
  });

  it('applying the update writes the new weights and velocities as one undo step', () => {
    const studio = testStudio({ initial: doc });
    studio.stepper.setState(INITIAL_STEPPER);
    studio.live.setState({ exampleIndex: 0, reveal: null });
    const session = buildSession(nets, doc, 0, EPOCH_START)!;
    studio.steps.startStepping();
    for (let i = 0; i < 100 && studio.live.getState().exampleIndex === 0; i++) studio.steps.stepForward();
    const after = studio.document.getState();
    expect(after.doc.edges.map((e) => e.velocity)).toEqual(doc.edges.map((e) => session.velocities![e.id]));
    studio.document.undo();
    expect(studio.document.getState().doc.edges).toEqual(doc.edges);
  });
});
