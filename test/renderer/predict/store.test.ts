import { describe, expect, it } from 'vitest';
import { exampleQuantities } from '../../../src/engine/predict';
import { predictContext, revealedIn } from '../../../src/renderer/src/predict/store';
import { testStudio } from '../studio/fakeEnv';
import { tutorialDoc } from './world';

const quantities = exampleQuantities(tutorialDoc(), 0);
const byKind = (kind: string) => quantities.find((q) => q.kind === kind)!;

describe('the predict store (createStudio builds one)', () => {
  it('tallies right, wrong and revealed per phase, and counts a streak a wrong answer or a reveal ends', () => {
    const { predict } = testStudio();
    const c = predictContext(0, 1);
    const s = byKind('s');
    const dEds = byKind('dEds');
    const update = byKind('update');
    predict.submit(c, s, s.value);
    predict.submit(c, dEds, dEds.value);
    expect(predict.getState().streak).toBe(2);
    predict.submit(c, update, update.value + 1);
    expect(predict.getState().streak).toBe(0);
    expect(predict.getState().wrong?.key).toBe(update.key);
    predict.reveal(c, update);
    const t = predict.getState().tallies;
    expect(t.forward).toEqual({ right: 1, wrong: 0, revealed: 0 });
    expect(t.backward).toEqual({ right: 1, wrong: 0, revealed: 0 });
    expect(t.update).toEqual({ right: 0, wrong: 1, revealed: 1 });
    expect(t.error).toEqual({ right: 0, wrong: 0, revealed: 0 });
    expect(predict.getState().best).toBe(2);
    expect(predict.getState().wrong).toBeNull();
  });

  it('what is revealed belongs to one example at one revision: another context has nothing revealed', () => {
    const { predict } = testStudio();
    const s = byKind('s');
    predict.submit(predictContext(0, 1), s, s.value);
    expect(revealedIn(predict.getState(), predictContext(0, 1))[s.key]).toBe('right');
    expect(revealedIn(predict.getState(), predictContext(1, 1))).toEqual({});
    expect(revealedIn(predict.getState(), predictContext(0, 2))).toEqual({});
  });

  it('the sign level: the right sign counts right, a wrong one says what the sign is', () => {
    const { predict } = testStudio();
    const s = byKind('s');
    const sign = s.value > 0 ? 1 : -1;
    expect(predict.submitSign('c', s, sign)).toBe(true);
    expect(predict.submitSign('d', s, sign === 1 ? -1 : 1)).toBe(false);
    const wrong = predict.getState().wrong!;
    expect(wrong.diagnosis.kind === 'unknown' && wrong.diagnosis.sentence).toMatch(sign > 0 ? /is positive/ : /is negative/);
  });

  it('P toggles predict while stepping (the step-through keys)', () => {
    const studio = testStudio({ initial: tutorialDoc() });
    studio.live.setState({ exampleIndex: 0 });
    studio.steps.startStepping();
    studio.steps.togglePredict();
    expect(studio.predict.getState().on).toBe(true);
    studio.steps.togglePredict();
    expect(studio.predict.getState().on).toBe(false);
  });
});
