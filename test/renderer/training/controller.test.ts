import { beforeEach, describe, expect, it } from 'vitest';
import { INPUT_FIRST, STARVED } from '../../../src/renderer/src/pacing/constants';
import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import type { FromWorker, Snapshot, ToWorker } from '../../../src/renderer/src/training/protocol';
import { selectDirty } from '../../../src/renderer/src/store/document';
import { fakeEnv, testStudio } from '../studio/fakeEnv';
import { layeredDoc } from './fixtures';

// The main thread's side of training, against a scripted worker: what it sends, and what the
// person sees (readouts, weights, notices, undo) for each thing the worker answers.

function scriptedWorker() {
  const sent: ToWorker[] = [];
  const port: WorkerPort<ToWorker, FromWorker> = {
    postMessage: (m) => void sent.push(m),
    terminate: () => undefined,
    onmessage: null,
    onerror: null,
  };
  return {
    port,
    sent,
    /** the worker answers */
    reply: (m: FromWorker) => port.onmessage?.({ data: m } as MessageEvent<FromWorker>),
    types: () => sent.map((m) => m.type),
    last: <T extends ToWorker['type']>(type: T) => sent.filter((m) => m.type === type).at(-1) as Extract<ToWorker, { type: T }> | undefined,
  };
}

function snapshot(over: Partial<Snapshot> & { weights: Float64Array; generation: number }): Snapshot {
  return {
    seq: 0, epoch: 0, position: 0, updates: 1, error: 1, meanError: 0.5, accuracy: 0.5, meanSquaredError: 0.25, test: null, penalty: 0,
    velocities: null, rate: 0, running: false, backend: 'wasm', engineReason: null, history: [], saturated: false, ...over,
  };
}

let worker = scriptedWorker();
let studio = testStudio();
const doc = layeredDoc([2], { count: 4 });

beforeEach(() => {
  worker = scriptedWorker();
  studio = testStudio({ env: fakeEnv({ trainerWorker: () => worker.port as WorkerPort<unknown, unknown> }), initial: doc });
  studio.controller.start();
});

const generation = () => worker.last('load')!.generation;
const weightsOf = (value: number) => new Float64Array(doc.edges.length).fill(value);

describe('the training controller', () => {
  it('sends the document and the speed as it starts, and a new document for an edit that changes the math only', () => {
    expect(worker.types()).toEqual(['load', 'speed']);
    expect(worker.last('load')!.doc).toBe(studio.document.getState().doc);
    studio.document.moveNodes({ out: { x: 500, y: 40 } }); // a move changes nothing training computes
    expect(worker.types()).toEqual(['load', 'speed']);
    studio.document.setTraining({ learningRate: 0.1 });
    expect(worker.types()).toEqual(['load', 'speed', 'load']);
    expect(worker.last('load')!.doc.training.learningRate).toBe(0.1);
  });

  it('shows running weights at once, writes them into the document without history, and acknowledges at the next frame', () => {
    studio.controller.play();
    expect(studio.training.getState().running).toBe(true);
    const w = weightsOf(0.25);
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: generation(), weights: w, running: true, seq: worker.last('play')!.seq, epoch: 3 }) });
    expect(studio.shown.getState().weights).toBe(w);
    const s = studio.document.getState();
    expect(s.doc.edges.every((e) => e.weight === 0.25)).toBe(true);
    expect(s.doc.training.epoch).toBe(3);
    expect(s.past).toHaveLength(0); // no undo entry while running
    expect(worker.types()).not.toContain('shown');
    studio.fake.clock.frame();
    expect(worker.types().at(-1)).toBe('shown');
  });

  it('pausing leaves one undo step that returns to the weights before training', () => {
    const before = studio.document.getState().doc;
    studio.controller.play();
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: generation(), weights: weightsOf(0.1), running: true, seq: worker.last('play')!.seq }) });
    studio.controller.pause();
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: generation(), weights: weightsOf(0.2), running: false, seq: worker.last('pause')!.seq }) });
    expect(studio.training.getState().running).toBe(false);
    expect(studio.shown.getState().weights).toBeNull(); // the document holds them now
    expect(studio.document.getState().past).toHaveLength(1);
    studio.document.undo();
    expect(studio.document.getState().doc.edges).toEqual(before.edges);
  });

  it('with momentum, pausing writes the weights and the velocities as one undo step; undo takes both back', () => {
    studio.document.setTraining({ momentum: 0.9 });
    const before = studio.document.getState().doc;
    const pastBefore = studio.document.getState().past.length;
    studio.controller.play();
    const velocities = (v: number) => new Float64Array(doc.edges.length).fill(v);
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: generation(), weights: weightsOf(0.1), velocities: velocities(-0.01), running: true, seq: worker.last('play')!.seq }) });
    expect(studio.document.getState().doc.edges.every((e) => e.velocity === -0.01)).toBe(true); // with the running weights too
    studio.controller.pause();
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: generation(), weights: weightsOf(0.2), velocities: velocities(0.03), running: false, seq: worker.last('pause')!.seq }) });
    const after = studio.document.getState();
    expect(after.doc.edges.map((e) => [e.weight, e.velocity])).toEqual(doc.edges.map(() => [0.2, 0.03]));
    expect(after.past).toHaveLength(pastBefore + 1);
    studio.document.undo();
    expect(studio.document.getState().doc.edges).toEqual(before.edges);
  });

  it('reset from the seed clears the velocities', () => {
    studio.document.replaceDocument({ ...doc, edges: doc.edges.map((e) => ({ ...e, velocity: 0.5 })), training: { ...doc.training, momentum: 0.9 } }, 'test');
    studio.controller.resetWeights();
    expect(studio.document.getState().doc.edges.every((e) => e.velocity === undefined)).toBe(true);
  });

  it('drops what the worker says about a document it has since been replaced with', () => {
    const old = generation();
    studio.document.setTraining({ learningRate: 0.2 });
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: old, weights: weightsOf(9), epoch: 7 }) });
    expect(studio.training.getState().epoch).toBe(0);
    expect(studio.document.getState().doc.edges[0].weight).not.toBe(9);
  });

  it('a divergence pauses, keeps the restored weights as one undo step and says where it happened', () => {
    studio.controller.play();
    worker.reply({
      type: 'diverged',
      snapshot: snapshot({ generation: generation(), weights: weightsOf(0.3), running: false, seq: worker.last('play')!.seq }),
      divergence: { epoch: 2, example: 3, update: 11, edgeId: doc.edges[0].id, value: 2e6 },
    });
    expect(studio.training.getState().running).toBe(false);
    expect(studio.document.getState().past).toHaveLength(1);
    const notice = studio.notices.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.message).toContain('at epoch 2 (+2), on example 3 of the epoch');
  });

  it('refuses Play with a reason when there is nothing to train, and sends nothing', () => {
    studio.document.setExamples([]);
    const count = worker.sent.length;
    studio.controller.play();
    expect(studio.training.getState().running).toBe(false);
    expect(worker.sent.slice(count)).toEqual([]);
    expect(studio.notices.getState().notices.at(-1)!.message).toMatch(/Add some points/);
  });

  it('refuses Play with a reason when every point is a test point (test points never train)', () => {
    studio.document.setExamples(doc.dataset.examples.map((ex) => ({ ...ex, test: true })));
    const count = worker.sent.length;
    studio.controller.play();
    expect(studio.training.getState().running).toBe(false);
    expect(worker.sent.slice(count)).toEqual([]);
    expect(studio.notices.getState().notices.at(-1)!.message).toMatch(/Every point is a test point/);
  });

  it('asks the worker to leave the page half its core while nodes are dragged', () => {
    studio.drag.dragTo({ out: { x: 1, y: 2 } });
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: STARVED.restMs[0] });
    studio.drag.endDrag({});
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: 0 });
  });

  it('asks the worker to yield while training runs and frames come late (the page starved), and stops asking once they come on time', () => {
    const env = fakeEnv({ trainerWorker: () => worker.port as WorkerPort<unknown, unknown> });
    const s = testStudio({ env, initial: doc });
    s.controller.start();
    const frameEvery = (ms: number, count: number) => {
      for (let i = 0; i < count; i++) {
        env.clock.advance(ms);
        env.clock.frame();
      }
    };
    frameEvery(50, 20); // paused: late frames are not training's business
    expect(worker.last('yield')).toBeUndefined();
    s.controller.play();
    frameEvery(16, 20);
    expect(worker.last('yield')).toBeUndefined();
    frameEvery(50, 5);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: STARVED.restMs[0] });
    frameEvery(16, 40);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: 0 });
    frameEvery(50, 12); // starved again, past the half second a decision holds
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: STARVED.restMs[0] });
    // still starved: the rest grows every half second, up to the table's last
    frameEvery(50, 11);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: STARVED.restMs[1] });
    frameEvery(50, 60);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: STARVED.restMs.at(-1) });
    s.controller.pause();
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: 0 });
    s.controller.stop();
  });

  it('a pointer or key pressed while training runs: the snapshots arriving before its frame has rendered wait for it, the newest kept', () => {
    const env = fakeEnv({ trainerWorker: () => worker.port as WorkerPort<unknown, unknown> });
    const s = testStudio({ env, initial: doc });
    s.controller.start();
    s.controller.play();
    const g = worker.last('load')!.generation;
    const running = (value: number, epoch: number) => ({ type: 'snapshot' as const, snapshot: snapshot({ generation: g, weights: weightsOf(value), running: true, epoch, updates: 4 * epoch, seq: worker.last('play')!.seq }) });
    /** the fake env's window is an EventTarget */
    const input = (type: string) => (env.keys as unknown as EventTarget).dispatchEvent(new Event(type));
    worker.reply(running(0.1, 1));
    expect(s.training.getState().epoch).toBe(1);
    input('pointerdown');
    worker.reply(running(0.2, 2));
    worker.reply(running(0.3, 3));
    expect(s.training.getState().epoch).toBe(1); // the input's frame first
    env.clock.frame();
    expect(s.training.getState().epoch).toBe(1);
    env.clock.render();
    expect(s.training.getState().epoch).toBe(3); // then the newest
    // a pause's snapshot is never held, and one held before it is dropped
    input('keydown');
    worker.reply(running(0.4, 4));
    s.controller.pause();
    worker.reply({ type: 'snapshot', snapshot: snapshot({ generation: g, weights: weightsOf(0.5), running: false, epoch: 5, updates: 20, seq: worker.last('pause')!.seq }) });
    expect(s.training.getState().epoch).toBe(5);
    env.clock.frame();
    env.clock.render();
    expect(s.training.getState().epoch).toBe(5);
    // paused before the held snapshot's turn came: it is dropped (the pause's own follows)
    s.controller.play();
    input('pointerdown');
    worker.reply(running(0.6, 6));
    s.controller.pause();
    env.clock.frame();
    env.clock.render();
    expect(s.training.getState().epoch).toBe(5);
    expect(s.shown.getState().weights).toBeNull();
    s.controller.stop();
  });

  it('a pointer or key pressed while training runs: the worker rests until that frame has rendered, or at most INPUT_FIRST.maxMs', () => {
    const env = fakeEnv({ trainerWorker: () => worker.port as WorkerPort<unknown, unknown> });
    const s = testStudio({ env, initial: doc });
    s.controller.start();
    const input = (type: string) => (env.keys as unknown as EventTarget).dispatchEvent(new Event(type));
    input('pointerdown'); // paused: nothing to yield
    expect(worker.last('yield')).toBeUndefined();
    s.controller.play();
    input('pointerdown');
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: INPUT_FIRST.restMs });
    env.clock.frame();
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: INPUT_FIRST.restMs }); // rendering
    env.clock.render();
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: 0 });
    // a hidden page draws no frame: the rest ends after maxMs all the same
    input('keydown');
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: INPUT_FIRST.restMs });
    env.clock.advance(INPUT_FIRST.maxMs - 1);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: INPUT_FIRST.restMs });
    env.clock.advance(1);
    expect(worker.last('yield')).toEqual({ type: 'yield', restMs: 0 });
    s.controller.stop();
  });

  it('stopped with an input’s rest pending: the late timer and frame start no worker again', () => {
    let started = 0;
    const env = fakeEnv({ trainerWorker: () => (started++, worker.port as WorkerPort<unknown, unknown>) });
    const s = testStudio({ env, initial: doc });
    s.controller.start();
    s.controller.play();
    (env.keys as unknown as EventTarget).dispatchEvent(new Event('pointerdown'));
    s.controller.stop();
    const sent = worker.sent.length;
    env.clock.frame();
    env.clock.render();
    env.clock.advance(INPUT_FIRST.maxMs);
    expect(started).toBe(1);
    expect(worker.sent.length).toBe(sent);
  });

  it('reset draws the seed’s weights again as one undoable edit, at epoch 0', () => {
    studio.document.setTraining({ epoch: 5 }, { history: false });
    studio.controller.resetWeights();
    const s = studio.document.getState();
    expect(s.doc.training.epoch).toBe(0);
    expect(s.doc.edges.map((e) => e.weight)).toEqual(doc.edges.map((e) => e.weight));
    expect(selectDirty(s)).toBe(true);
  });

  it('stops: no more messages follow the document', () => {
    studio.controller.stop();
    const count = worker.sent.length;
    studio.document.setTraining({ learningRate: 0.3 });
    expect(worker.sent.length).toBe(count);
  });
});

describe('training without a worker', () => {
  it('falls back to training on the page when the worker fails before it answers, and says so', async () => {
    const broken = scriptedWorker();
    const s = testStudio({ env: fakeEnv({ trainerWorker: () => broken.port as WorkerPort<unknown, unknown> }), initial: doc });
    s.controller.start();
    broken.port.onerror?.({ message: 'no module workers', preventDefault: () => undefined } as ErrorEvent);
    expect(s.notices.getState().notices.at(-1)!.message).toMatch(/runs on the page itself/);
    s.controller.stepEpoch();
    await new Promise((r) => setTimeout(r, 50)); // the inline trainer answers in later tasks
    expect(s.training.getState().epoch).toBe(1);
    expect(s.document.getState().doc.training.epoch).toBe(1);
  });
});
