import { beforeEach, describe, expect, it } from 'vitest';
import { compile, trainEpoch, type GraphDoc, type TrainingSettings } from '../../../src/engine';
import { stepAt } from '../../../src/renderer/src/stepper/machine';
import { epochVisits } from '../../../src/renderer/src/stepper/order';
import { buildSession, type StepSession } from '../../../src/renderer/src/stepper/session';
import { batchLabel, notTrained, placeInEpoch } from '../../../src/renderer/src/stepper/epochLabels';
import { epochFor, INITIAL_STEPPER, stepFor } from '../../../src/renderer/src/stepper/store';
import { testStudio } from '../studio/fakeEnv';
import { layeredDoc } from '../training/fixtures';
import { createNetCache } from '../../../src/renderer/src/studio/netCache';

/** a user of one compile, as the page's services are */
const nets = createNetCache().user();

// Stepping a whole epoch through the step-through gives, bit for bit, the engine's trainEpoch:
// training's visiting order (seeded shuffle), batches of b summed and updated once each, the
// last batch shorter, test examples never trained on; with L2 and momentum on.

let studio = testStudio();

/** 9 examples, 2 of them test: 7 training examples, not a multiple of 3 */
function docWith(training: Partial<TrainingSettings>): GraphDoc {
  const d = layeredDoc([3], { count: 9, training: { learningRate: 0.7, regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.6, ...training } });
  const examples = d.dataset.examples.map((ex, i) => (i === 2 || i === 6 ? { ...ex, test: true } : ex));
  return { ...d, dataset: { ...d.dataset, examples }, edges: d.edges.map((e, i) => ({ ...e, velocity: (i % 4) * 0.03 - 0.05 })) };
}

function open(doc: GraphDoc, exampleIndex: number) {
  studio = testStudio({ initial: doc });
  studio.stepper.setState(INITIAL_STEPPER);
  studio.live.setState({ exampleIndex, reveal: null });
}

const current = () => studio.document.getState().doc;
const inHand = () => studio.live.getState().exampleIndex!;
const session = (): StepSession => buildSession(nets, current(), inHand(), epochFor(studio.stepper.getState(), current()))!;
const phase = () => stepAt(session().plan, stepFor(studio.stepper.getState(), inHand())).phase;

/** steps the example in hand to its end and across it; returns what ended it */
function stepExample(): string {
  studio.steps.runToEnd();
  const end = phase();
  studio.steps.stepForward();
  return end;
}

function engineEpochs(doc: GraphDoc, epochs: number) {
  const net = compile(doc);
  for (let e = 0; e < epochs; e++) trainEpoch(net, doc.dataset.examples, { ...doc.training, epoch: doc.training.epoch + e });
  return { weights: Array.from(net.weights), velocity: Array.from(net.velocity) };
}

const weights = () => current().edges.map((e) => e.weight);
const velocities = () => current().edges.map((e) => e.velocity ?? 0);

const MODES: [string, Partial<TrainingSettings>, string[]][] = [
  ['sequential, shuffled', { mode: 'sequential', shuffle: true, seed: 4, epoch: 2 }, Array(7).fill('update')],
  ['mini-batch b = 3, shuffled', { mode: 'minibatch', batchSize: 3, shuffle: true, seed: 4, epoch: 2 }, ['accumulate', 'accumulate', 'update', 'accumulate', 'accumulate', 'update', 'update']],
  ['batch', { mode: 'batch', shuffle: false, epoch: 0 }, [...Array(6).fill('accumulate'), 'update']],
];

describe('stepping a whole epoch equals the engine’s epoch', () => {
  for (const [name, training, ends] of MODES) {
    it(`${name}, with L2 and momentum, test examples skipped`, () => {
      const doc = docWith(training);
      const visits = epochVisits(doc.dataset.examples, doc.training);
      expect(visits.order).not.toContain(2);
      expect(visits.order).not.toContain(6);
      open(doc, visits.order[0]);
      studio.steps.startStepping();
      const seen: number[] = [];
      const ended: string[] = [];
      for (let i = 0; i < 7; i++) {
        seen.push(inHand());
        ended.push(stepExample());
      }
      expect(seen).toEqual(visits.order);
      expect(ended).toEqual(ends);
      const ref = engineEpochs(doc, 1);
      expect(weights()).toEqual(ref.weights);
      expect(velocities()).toEqual(ref.velocity);
      // the epoch is over: training.epoch moved on, and the next epoch's order begins
      expect(current().training.epoch).toBe(doc.training.epoch + 1);
      expect(inHand()).toBe(epochVisits(current().dataset.examples, current().training).order[0]);
    });
  }

  it('two mini-batch epochs in a row equal two of the engine’s (the second shuffled by epoch + 1)', () => {
    const doc = docWith(MODES[1][1]);
    open(doc, epochVisits(doc.dataset.examples, doc.training).order[0]);
    studio.steps.startStepping();
    for (let i = 0; i < 14; i++) stepExample();
    expect(weights()).toEqual(engineEpochs(doc, 2).weights);
  });

  it('labels each step with its batch, and updates at the end of each batch only', () => {
    const doc = docWith(MODES[1][1]);
    const visits = epochVisits(doc.dataset.examples, doc.training);
    open(doc, visits.order[0]);
    studio.steps.startStepping();
    const n = (p: number) => visits.order[p] + 1;
    expect(placeInEpoch(session())).toBe(
      `Epoch 3 (2 finished), batch 1 of 3 (examples ${n(0)}, ${n(1)} and ${n(2)}): position 1 of 3 in this batch. Its gradient is added to the batch's sum; the weights change once, after the batch's last example.`,
    );
    const before = weights();
    stepExample();
    stepExample();
    expect(weights()).toEqual(before); // two examples summed, no update yet
    const third = session();
    expect(third.plan.finish).toBe('update');
    expect(batchLabel(third.visits, third.batch!)).toBe(`batch 1 of 3 (examples ${n(0)}, ${n(1)} and ${n(2)})`);
    stepExample();
    expect(weights()).not.toEqual(before);
    for (let i = 0; i < 3; i++) stepExample();
    const last = session();
    expect(batchLabel(last.visits, last.batch!)).toBe(`batch 3 of 3 (example ${n(6)})`);
    expect(last.summedBefore).toBe(0);
    expect(last.plan.finish).toBe('update');
  });
});

describe('examples the step-through does not train on', () => {
  const doc = docWith(MODES[1][1]);
  const visits = epochVisits(doc.dataset.examples, doc.training);
  beforeEach(() => open(doc, visits.order[0]));

  it('a test example: forward and error only, no gradients, no update, and it says so', () => {
    studio.live.setState({ exampleIndex: 2 });
    const s = session();
    expect(s.role).toBe('test');
    expect(s.plan.finish).toBe('test');
    expect(s.updates).toBeNull();
    expect(s.sums).toBeNull();
    studio.steps.startStepping();
    const phases: string[] = [];
    for (let i = 0; i < 20 && inHand() === 2; i++) {
      phases.push(phase());
      studio.steps.stepForward();
    }
    expect(phases).not.toContain('backward');
    expect(phases).not.toContain('gradients');
    expect(phases.at(-1)).toBe('test');
    expect(notTrained(s)).toBe(
      `This is a test example: training never learns from it. Its forward pass and error are shown; it gives no gradient and no update. Training's next is example ${visits.order[0] + 1}, in batch 1 of 3.`,
    );
    // its end changes nothing and hands over to training's next
    expect(current().edges).toBe(doc.edges);
    expect(inHand()).toBe(visits.order[0]);
    expect(studio.stepper.getState().epoch.done).toBe(0);
  });

  it('a training example out of order is shown aside: not added, no update; then training’s next', () => {
    const other = visits.order[4];
    studio.live.setState({ exampleIndex: other });
    expect(session().role).toBe('aside');
    studio.steps.startStepping();
    expect(stepExample()).toBe('aside');
    expect(current().edges).toBe(doc.edges);
    expect(inHand()).toBe(visits.order[0]);
    expect(studio.stepper.getState().epoch.done).toBe(0);
  });

  it('goes to training’s next example on request', () => {
    studio.live.setState({ exampleIndex: 2 });
    studio.steps.startStepping();
    studio.steps.goToTrainingNext();
    expect(inHand()).toBe(visits.order[0]);
    expect(session().role).toBe('next');
  });

  it('starts the batch under way over when the weights change in it, keeping the batches already made', () => {
    studio.steps.startStepping();
    for (let i = 0; i < 4; i++) stepExample(); // batch 1 updated, batch 2 has one example summed
    expect(studio.stepper.getState().epoch.done).toBe(4);
    studio.document.setEdgeWeight(doc.edges[0].id, 0.25);
    const s = session();
    expect(s.position).toBe(3);
    expect(s.summedBefore).toBe(0);
    expect(s.role).toBe('aside'); // visits.order[4] is in hand; batch 2 starts over at its first example
    studio.steps.goToTrainingNext();
    expect(inHand()).toBe(visits.order[3]);
  });
});

describe("the step card's epoch and the toolbar's Epoch readout", () => {
  it('names the epoch under way and the epochs finished, the number the readout shows', async () => {
    const { epochText } = await import('../../../src/renderer/src/training/format');
    const { epochUnderWay } = await import('../../../src/renderer/src/stepper/epochLabels');
    // two epochs done: the readout says "2"; the card must not say only "Epoch 3"
    expect(epochText(2, 0)).toBe('2');
    expect(epochUnderWay(2)).toBe('Epoch 3 (2 finished)');
  });
});
