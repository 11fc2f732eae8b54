import { beforeEach, describe, expect, it } from 'vitest';
import { compile, parseGraph, trainEpoch, trainExample, type GraphDoc } from '../../../src/engine';
import { stepAt, stepCount } from '../../../src/renderer/src/stepper/machine';
import { buildSession } from '../../../src/renderer/src/stepper/session';
import { epochVisits } from '../../../src/renderer/src/stepper/order';
import { epochFor, INITIAL_STEPPER, stepFor } from '../../../src/renderer/src/stepper/store';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import perceptronText from '../../../examples/tutorial-perceptron.bpgraph.json?raw';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import { PAUSED_FOR_STEPPING, stopSteppingOnPlay } from '../../../src/renderer/src/studio/oneAtATime';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

let studio = testStudio();
beforeEach(() => {
  studio = testStudio();
});

function parse(text: string): GraphDoc {
  const r = parseGraph(text);
  if (!r.ok) throw r.error;
  return r.doc;
}

const weights = () => studio.document.getState().doc.edges.map((e) => e.weight);
const step = () => stepFor(studio.stepper.getState(), studio.live.getState().exampleIndex);
const phase = () => {
  const { doc } = studio.document.getState();
  const s = buildSession(nets, doc, studio.live.getState().exampleIndex!, epochFor(studio.stepper.getState(), doc))!;
  return stepAt(s.plan, step()).phase;
};

function open(doc: GraphDoc) {
  studio.document.loadDocument(doc);
  studio.stepper.setState(INITIAL_STEPPER);
  studio.live.setState({ exampleIndex: 0, reveal: null });
}

describe('stepping the tutorial 2-5-1 network sequentially', () => {
  const doc = parse(tutorialText);
  beforeEach(() => open(doc));

  it('offers training’s next when the example in hand is not it: starting there gives the update, and this example stays one choice away', () => {
    studio.live.setState({ exampleIndex: 4 });
    const { doc: d } = studio.document.getState();
    const aside = buildSession(nets, d, 4, epochFor(studio.stepper.getState(), d))!;
    expect(aside.role).toBe('aside');
    const next = aside.visits.order[aside.position];
    studio.steps.startAtTrainingNext();
    expect(studio.stepper.getState().active).toBe(true);
    expect(studio.live.getState().exampleIndex).toBe(next);
    studio.steps.runToEnd();
    const ended = buildSession(nets, d, next, epochFor(studio.stepper.getState(), d))!;
    expect(ended.role).toBe('next');
    expect(stepAt(ended.plan, step()).phase).toBe('update');
  });

  it('walks every phase of example 0 and ends in the engine’s sequential update', () => {
    studio.steps.startStepping();
    const total = stepCount({ sources: [], neurons: ['1', '2', '3', '4', '5', '6'], edges: [], finish: 'update' });
    const seen: string[] = [];
    for (let i = 0; i < total; i++) {
      seen.push(phase());
      if (i < total - 1) studio.steps.stepForward();
    }
    expect(seen[0]).toBe('start');
    expect(seen.at(-1)).toBe('update');
    expect(weights()).toEqual(doc.edges.map((e) => e.weight)); // nothing applied yet

    studio.steps.stepForward(); // apply and move on
    const net = compile(doc);
    trainExample(net, doc.dataset.examples[0].x, doc.dataset.examples[0].y, doc.training.learningRate);
    expect(weights()).toEqual(Array.from(net.weights));
    expect(studio.live.getState().exampleIndex).toBe(1);
    expect(step()).toBe(0);
  });

  it('goes back across an applied update by undoing it', () => {
    studio.steps.startStepping();
    studio.steps.runToEnd();
    studio.steps.stepForward();
    expect(weights()).not.toEqual(doc.edges.map((e) => e.weight));
    expect(studio.steps.canStepBack()).toBe(true);
    studio.steps.stepBack();
    expect(weights()).toEqual(doc.edges.map((e) => e.weight));
    expect(studio.live.getState().exampleIndex).toBe(0);
    expect(phase()).toBe('update');
    studio.steps.stepBack();
    expect(phase()).toBe('gradients');
  });

  it('does not undo someone else’s edit when the document changed after the update', () => {
    studio.steps.startStepping();
    studio.steps.runToEnd();
    studio.steps.stepForward();
    studio.document.setEdgeWeight('1->6', 3);
    expect(studio.steps.canStepBack()).toBe(false);
    studio.steps.stepBack();
    expect(studio.document.getState().doc.edges.find((e) => e.id === '1->6')!.weight).toBe(3);
    expect(studio.live.getState().exampleIndex).toBe(1);
  });

  it('matches two sequential epochs of the engine when stepping every example twice', () => {
    studio.steps.startStepping();
    const n = doc.dataset.examples.length;
    for (let i = 0; i < 2 * n; i++) {
      studio.steps.runToEnd();
      studio.steps.stepForward();
    }
    const net = compile(doc);
    trainEpoch(net, doc.dataset.examples, doc.training);
    trainEpoch(net, doc.dataset.examples, doc.training);
    expect(weights()).toEqual(Array.from(net.weights));
  });

  it('follows training’s shuffled order, so a stepped epoch equals a trained one', () => {
    const shuffled = { ...doc, training: { ...doc.training, shuffle: true, seed: 7, epoch: 3 } };
    open(shuffled);
    const n = doc.dataset.examples.length;
    const first = epochVisits(shuffled.dataset.examples, shuffled.training).order[0];
    expect(first).not.toBe(0); // a real shuffle (seed 7, epoch 3)
    studio.live.setState({ exampleIndex: first });
    studio.steps.startStepping();
    for (let i = 0; i < n; i++) {
      studio.steps.runToEnd();
      studio.steps.stepForward();
    }
    // the epoch is done: training.epoch is 4 now, and its order begins
    const after = studio.document.getState().doc;
    expect(after.training.epoch).toBe(4);
    expect(studio.live.getState().exampleIndex).toBe(epochVisits(after.dataset.examples, after.training).order[0]);
    const net = compile(shuffled);
    trainEpoch(net, shuffled.dataset.examples, shuffled.training);
    expect(weights()).toEqual(Array.from(net.weights));
  });

  it('starts at step 0 when another example is chosen, and stops revealing on stop', () => {
    studio.steps.startStepping();
    studio.steps.stepForward();
    studio.steps.stepForward();
    expect(step()).toBe(2);
    studio.live.setState({ exampleIndex: 5 });
    expect(step()).toBe(0);
    studio.steps.stopStepping();
    expect(studio.stepper.getState().active).toBe(false);
    studio.steps.stepBack();
    expect(step()).toBe(0);
  });
});

describe('an update past the weight limit', () => {
  // η = 1e9 on the tutorial 2-5-1: example 0's update puts a weight far past ±10⁶, where training stops as diverged
  const huge = { ...parse(tutorialText), training: { ...parse(tutorialText).training, learningRate: 1e9 } };
  beforeEach(() => open(huge));

  it('is refused as training refuses it: not applied, stepping stops, and the notice names the weight and says so', () => {
    const engine = trainEpoch(compile(huge), huge.dataset.examples, huge.training);
    expect(engine.divergence?.step).toBe(0); // training stops before example 0's update
    const before = studio.document.getState();
    studio.steps.startStepping();
    studio.steps.runToEnd();
    expect(phase()).toBe('update');
    studio.steps.stepForward(); // would apply it
    expect(weights()).toEqual(huge.edges.map((e) => e.weight));
    expect(studio.document.getState().revision).toBe(before.revision); // no edit, nothing to undo
    expect(studio.stepper.getState().active).toBe(false);
    expect(studio.stepper.getState().epoch.done).toBe(0); // the epoch's place stays before the refused update
    const [notice] = studio.notices.getState().notices;
    expect(notice.kind).toBe('error');
    const edge = huge.edges[engine.divergence!.edgeIndex];
    expect(notice.message).toContain(`[edge ${edge.id}]`);
    expect(notice.message).toContain('at epoch 0, on example 1 of the epoch');
    expect(notice.message).toContain('not applied');
    expect(notice.message).not.toContain('restored');
  });
});

describe('stepping the perceptron in batch mode', () => {
  const doc = parse(perceptronText);
  beforeEach(() => open(doc));

  it('sums gradients over the epoch and updates once, exactly as the engine’s batch epoch', () => {
    expect(doc.training.mode).toBe('batch');
    const n = doc.dataset.examples.length;
    studio.steps.startStepping();
    for (let i = 0; i < n - 1; i++) {
      studio.steps.runToEnd();
      expect(phase()).toBe('accumulate');
      studio.steps.stepForward();
      expect(weights()).toEqual(doc.edges.map((e) => e.weight));
    }
    expect(studio.stepper.getState().epoch.done).toBe(n - 1);
    const s = buildSession(nets, studio.document.getState().doc, n - 1, studio.stepper.getState().epoch)!;
    const net = compile(doc);
    let sum = 0;
    for (const ex of doc.dataset.examples) {
      trainExample(net, ex.x, ex.y, 0); // η = 0: only the gradient
      sum += net.grad[1];
    }
    expect(s.sums![doc.edges[1].id]).toBeCloseTo(sum, 12);
    studio.steps.runToEnd();
    expect(phase()).toBe('update');
    studio.steps.stepForward();
    const ref = compile(doc);
    trainEpoch(ref, doc.dataset.examples, doc.training);
    expect(weights()).toEqual(Array.from(ref.weights));
    expect(studio.stepper.getState().epoch.done).toBe(0);
    expect(studio.live.getState().exampleIndex).toBe(0);
  });

  it('backs out of an example added to the sum', () => {
    studio.steps.startStepping();
    studio.steps.runToEnd();
    studio.steps.stepForward();
    expect(studio.stepper.getState().epoch.done).toBe(1);
    studio.steps.stepBack();
    expect(studio.stepper.getState().epoch.done).toBe(0);
    expect(phase()).toBe('accumulate');
  });

  it('starts the sum over when the weights change mid-epoch', () => {
    studio.steps.startStepping();
    studio.steps.runToEnd();
    studio.steps.stepForward();
    studio.document.setEdgeWeight(doc.edges[0].id, 0.25);
    const edited = studio.document.getState().doc;
    const s = buildSession(nets, edited, 1, epochFor(studio.stepper.getState(), edited));
    expect(s).not.toBeNull();
    // the sum was taken at the old weights: the batch starts over at its first example, example 0
    expect(s!.role).toBe('aside');
    expect(s!.position).toBe(0);
    studio.steps.runToEnd();
    studio.steps.stepForward();
    expect(studio.live.getState().exampleIndex).toBe(0);
    studio.steps.runToEnd();
    studio.steps.stepForward();
    // the sum now holds only example 0, taken at the new weights
    expect(studio.stepper.getState().epoch.done).toBe(1);
  });
});

describe('stepping and training', () => {
  it('pauses training as stepping begins, and says so; Play ends the step-through', () => {
    const sent: string[] = [];
    const port = { postMessage: (m: { type: string }) => void sent.push(m.type), terminate: () => undefined, onmessage: null, onerror: null };
    studio = testStudio({ initial: parse(tutorialText), env: fakeEnv({ trainerWorker: () => port as WorkerPort<unknown, unknown> }) });
    studio.controller.start();
    const stop = stopSteppingOnPlay({ training: studio.training, stopStepping: studio.steps.stopStepping });
    studio.live.setState({ exampleIndex: 0, reveal: null });
    studio.controller.play();
    expect(studio.training.getState().running).toBe(true);
    studio.steps.startStepping();
    expect(studio.stepper.getState().active).toBe(true);
    expect(studio.training.getState().running).toBe(false);
    expect(sent.at(-1)).toBe('pause');
    expect(studio.notices.getState().notices.map((n) => n.message)).toContain(PAUSED_FOR_STEPPING);
    studio.controller.play();
    expect(studio.stepper.getState().active).toBe(false);
    stop();
    studio.controller.stop();
  });
});
