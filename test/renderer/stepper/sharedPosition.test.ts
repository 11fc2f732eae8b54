import { describe, expect, it } from 'vitest';
import { compile, trainEpoch, type GraphDoc } from '../../../src/engine';
import { epochVisits } from '../../../src/renderer/src/stepper/order';
import { followTraining, steppedPosition } from '../../../src/renderer/src/stepper/sharedPosition';
import { INITIAL_STEPPER } from '../../../src/renderer/src/stepper/store';
import { TrainingSession } from '../../../src/renderer/src/training/session';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import { layeredDoc } from '../training/fixtures';

// The step-through and training's Step batch / Step epoch share one place in the epoch: a
// batch updated in one is not trained again by the other, so half an epoch stepped and half
// trained is the engine's one epoch, bit for bit (mini-batches of 3 over 7 training examples).

function doc(): GraphDoc {
  const d = layeredDoc([3], { count: 9, training: { mode: 'minibatch', batchSize: 3, shuffle: true, seed: 4, epoch: 1, learningRate: 0.7, regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.6 } });
  return { ...d, dataset: { ...d.dataset, examples: d.dataset.examples.map((ex, i) => (i === 2 || i === 6 ? { ...ex, test: true } : ex)) } };
}

function engineEpoch(d: GraphDoc): number[] {
  const net = compile(d);
  trainEpoch(net, d.dataset.examples, d.training);
  return Array.from(net.weights);
}

function stepperOn(d: GraphDoc) {
  const studio = testStudio({ initial: d });
  studio.stepper.setState(INITIAL_STEPPER);
  studio.live.setState({ exampleIndex: epochVisits(d.dataset.examples, d.training).order[0], reveal: null });
  studio.steps.startStepping();
  const stepExample = () => {
    studio.steps.runToEnd();
    studio.steps.stepForward();
  };
  return { studio, stepExample };
}

const byId = (d: GraphDoc, values: Float64Array) => Object.fromEntries(d.edges.map((e, i) => [e.id, values[i]]));

describe('the step-through and training share the epoch’s place', () => {
  it('one batch stepped, then Step epoch trains the rest: the engine’s epoch', () => {
    const d = doc();
    const { studio, stepExample } = stepperOn(d);
    for (let i = 0; i < 4; i++) stepExample(); // batch 1 updated, one example of batch 2 summed
    const now = studio.document.getState().doc;
    expect(steppedPosition(studio.stepper, now)).toBe(3); // the half-summed batch is not an update: from its start
    const session = new TrainingSession(now, 1, 'js', steppedPosition(studio.stepper, now));
    session.stepEpoch();
    expect(Array.from(session.weights())).toEqual(engineEpoch(d));
  });

  it('one batch by Step batch, then the step-through steps the rest: the engine’s epoch', () => {
    const d = doc();
    const session = new TrainingSession(d, 1, 'js');
    session.stepExample(); // one mini-batch
    const { studio, stepExample } = stepperOn(d);
    studio.document.setWeights(byId(d, session.weights()), { history: true }, byId(d, session.velocities()!));
    followTraining(studio.stepper, studio.document)(session.snapshot(false, 0).position);
    const visits = epochVisits(d.dataset.examples, d.training);
    studio.live.setState({ exampleIndex: visits.order[3] });
    for (let i = 3; i < 7; i++) stepExample();
    expect(studio.document.getState().doc.edges.map((e) => e.weight)).toEqual(engineEpoch(d));
  });

  it('a start inside a batch goes back to the batch’s start; batch mode always starts at 0', () => {
    const d = doc();
    const a = new TrainingSession(d, 1, 'js', 4);
    expect(a.snapshot(false, 0).position).toBe(3);
    const batch = new TrainingSession({ ...d, training: { ...d.training, mode: 'batch' } }, 1, 'js', 4);
    expect(batch.snapshot(false, 0).position).toBe(0);
  });

  it('training reloads at the step-through’s place: the load after a stepped batch says position 3', () => {
    const d = { ...doc(), training: { ...doc().training, epoch: 0 } }; // epoch 0: Reset weights keeps the epoch's number
    const sent: { type: string; position?: number }[] = [];
    const port = { postMessage: (m: { type: string; position?: number }) => void sent.push(m), terminate: () => undefined, onmessage: null, onerror: null };
    const studio = testStudio({ initial: d, env: fakeEnv({ trainerWorker: () => port as WorkerPort<unknown, unknown> }) });
    studio.controller.start();
    studio.stepper.setState(INITIAL_STEPPER);
    studio.live.setState({ exampleIndex: epochVisits(d.dataset.examples, d.training).order[0], reveal: null });
    studio.steps.startStepping();
    for (let i = 0; i < 3; i++) {
      studio.steps.runToEnd();
      studio.steps.stepForward();
    }
    expect(sent.filter((m) => m.type === 'load').at(-1)!.position).toBe(3);
    studio.steps.stepBack(); // back across the update: training goes back to the batch's start
    expect(sent.filter((m) => m.type === 'load').at(-1)!.position).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      studio.steps.stepForward();
      studio.steps.runToEnd();
      studio.steps.stepForward();
    }
    expect(sent.filter((m) => m.type === 'load').at(-1)!.position).toBe(3);
    studio.controller.resetWeights(); // new weights, epoch 0: both start the epoch over
    expect(sent.filter((m) => m.type === 'load').at(-1)!.position).toBeUndefined();
    expect(studio.stepper.getState().epoch.done).toBe(0);
    studio.controller.stop();
  });
});
