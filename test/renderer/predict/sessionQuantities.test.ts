import { describe, expect, it } from 'vitest';
import { exampleQuantities } from '../../../src/engine/predict';
import { quantitiesAtStep, sessionQuantities } from '../../../src/renderer/src/predict/sessionQuantities';
import { EPOCH_START } from '../../../src/renderer/src/stepper/batch';
import { stepAt, stepCount } from '../../../src/renderer/src/stepper/machine';
import { buildSession } from '../../../src/renderer/src/stepper/session';
import { tutorialDoc } from './world';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

describe('which quantities each step of the step-through asks', () => {
  const doc = tutorialDoc();
  const session = buildSession(nets, doc, 0, EPOCH_START)!;
  const all = sessionQuantities(nets, doc, session)!;

  it('are the engine’s, with the step-through’s own update', () => {
    expect(all.map((q) => [q.key, q.value])).toEqual(exampleQuantities(doc, 0).map((q) => [q.key, q.value]));
  });

  it('every quantity exactly once over the steps, in order; start and gradients ask nothing', () => {
    const asked = [];
    for (let i = 0; i < stepCount(session.plan); i++) {
      const here = quantitiesAtStep(session.plan, i, all);
      const { phase } = stepAt(session.plan, i);
      if (phase === 'start' || phase === 'gradients') expect(here).toEqual([]);
      else expect(here.length).toBeGreaterThan(0);
      asked.push(...here.map((q) => q.key));
    }
    expect(asked).toEqual(all.map((q) => q.key));
  });

  it('batch mode mid-epoch: no update to predict', () => {
    const batch = { ...doc, training: { ...doc.training, mode: 'batch' as const } };
    const s = buildSession(nets, batch, 0, EPOCH_START)!;
    expect(s.plan.finish).toBe('accumulate');
    expect(sessionQuantities(nets, batch, s)!.some((q) => q.kind === 'update')).toBe(false);
  });
});
