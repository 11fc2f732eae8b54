import { describe, expect, it } from 'vitest';
import { createTrainerHost, SLICE_MS, SNAPSHOT_MS, WEIGHTS_MS } from '../../../src/renderer/src/worker/host';
import type { FromWorker } from '../../../src/renderer/src/training/protocol';
import { layeredDoc } from '../training/fixtures';

/** a host on a fake clock: each now() call advances 1 ms; scheduled work runs on flush() */
function fakeHost() {
  let t = 0;
  const posted: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  /** the fake clock at each post */
  const times: number[] = [];
  let queue: (() => void)[] = [];
  const host = createTrainerHost({
    post: (m, tr) => {
      posted.push(m);
      transfers.push(tr);
      times.push(t);
    },
    schedule: (fn) => queue.push(fn),
    now: () => (t += 1),
  });
  const flush = (rounds = 1) => {
    for (let r = 0; r < rounds; r++) {
      const q = queue;
      queue = [];
      q.forEach((fn) => fn());
    }
  };
  return { host, posted, transfers, times, flush, pending: () => queue.length };
}

const snapshots = (posted: FromWorker[]) => posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));

describe('trainer host (the worker without the Worker)', () => {
  it('answers a load with a snapshot of that generation, weights transferred', () => {
    const { host, posted, transfers, flush } = fakeHost();
    const doc = layeredDoc([2]);
    host.receive({ type: 'load', seq: 0, generation: 4, doc });
    flush();
    const [snap] = snapshots(posted);
    expect(snap.generation).toBe(4);
    expect(Array.from(snap.weights)).toEqual(doc.edges.map((e) => e.weight));
    expect(snap.running).toBe(false);
    expect(transfers[0]).toEqual([snap.weights.buffer]);
  });

  it('plays in time slices, yielding between them; the next running snapshot waits until the last was shown', () => {
    const { host, posted, flush, pending } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3]) });
    flush();
    host.receive({ type: 'play', seq: 0 });
    expect(pending()).toBe(1);
    flush(5);
    let running = snapshots(posted).filter((s) => s.running);
    expect(running).toHaveLength(1); // not shown yet: the worker trains on but holds snapshots
    expect(pending()).toBe(1); // still going
    host.receive({ type: 'shown' });
    flush(2);
    running = snapshots(posted).filter((s) => s.running);
    expect(running).toHaveLength(2);
    expect(running[1].updates).toBeGreaterThan(running[0].updates);
    expect(running[1].rate).toBeGreaterThan(0);
    expect(SNAPSHOT_MS).toBeGreaterThanOrEqual(16);
  });

  it('while a snapshot waits to be shown, sends the running weights alone, at most every WEIGHTS_MS, except during a drag, until paused', () => {
    const { host, posted, transfers, times, flush } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 3, doc: layeredDoc([3]) });
    flush();
    host.receive({ type: 'play', seq: 0 });
    flush(40);
    expect(snapshots(posted).filter((s) => s.running)).toHaveLength(1); // never shown: no second snapshot
    const weights = posted.flatMap((m, i) => (m.type === 'weights' ? [{ m, i }] : []));
    expect(weights.length).toBeGreaterThan(3);
    for (const { m, i } of weights) {
      expect(m.generation).toBe(3);
      expect(transfers[i]).toEqual([m.weights.buffer]);
    }
    // each carries the weights as training left them, newer each time
    expect(Array.from(weights[1].m.weights)).not.toEqual(Array.from(weights[0].m.weights));
    // no two within WEIGHTS_MS (the fake clock moves 1 ms per reading)
    for (let k = 1; k < weights.length; k++) expect(times[weights[k].i] - times[weights[k - 1].i]).toBeGreaterThanOrEqual(WEIGHTS_MS);
    // none while the person drags on the canvas (the page asked for time)
    host.receive({ type: 'yield', restMs: SLICE_MS });
    let count = posted.length;
    flush(20);
    expect(posted.slice(count).some((m) => m.type === 'weights')).toBe(false);
    host.receive({ type: 'yield', restMs: 0 });
    flush(20);
    expect(posted.slice(count).some((m) => m.type === 'weights')).toBe(true);
    host.receive({ type: 'pause', seq: 0 });
    count = posted.length;
    flush(10);
    expect(posted.slice(count).some((m) => m.type === 'weights')).toBe(false);
    // the final snapshot has the weights the last message said, or newer
    expect(snapshots(posted).at(-1)!.running).toBe(false);
  });

  it('pause stops the loop and posts a final, not-running snapshot', () => {
    const { host, posted, flush, pending } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3]) });
    host.receive({ type: 'play', seq: 0 });
    flush(2);
    host.receive({ type: 'pause', seq: 0 });
    const last = snapshots(posted).at(-1)!;
    expect(last.running).toBe(false);
    expect(last.rate).toBe(0);
    flush(1);
    expect(pending()).toBe(0);
    expect(snapshots(posted).at(-1)).toBe(last);
  });

  it('a new document while playing carries on training it under the new generation', () => {
    const { host, posted, flush } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3]) });
    host.receive({ type: 'play', seq: 0 });
    flush(2);
    host.receive({ type: 'load', seq: 0, generation: 2, doc: layeredDoc([4]) });
    flush(3);
    const last = snapshots(posted).at(-1)!;
    expect(last.generation).toBe(2);
    expect(last.running).toBe(true);
    expect(last.weights.length).toBe(layeredDoc([4]).edges.length);
  });

  it('a burst of documents (a drag) compiles only the last one', () => {
    const { host, posted, flush } = fakeHost();
    for (let g = 1; g <= 5; g++) host.receive({ type: 'load', seq: 0, generation: g, doc: layeredDoc([g]) });
    flush();
    expect(snapshots(posted).map((s) => s.generation)).toEqual([5]);
  });

  it('a step right after a load acts on that document', () => {
    const { host, posted } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 2, doc: layeredDoc([2], { count: 10 }) });
    host.receive({ type: 'stepExample', seq: 0 });
    expect(snapshots(posted).at(-1)).toMatchObject({ generation: 2, updates: 1 });
  });

  it('each snapshot names the last command it reflects, so the main thread can tell stale ones', () => {
    const { host, posted, flush } = fakeHost();
    host.receive({ type: 'load', seq: 1, generation: 1, doc: layeredDoc([2]) });
    flush();
    host.receive({ type: 'play', seq: 2 });
    flush(2);
    host.receive({ type: 'shown' });
    host.receive({ type: 'pause', seq: 3 });
    expect(snapshots(posted).map((s) => [s.seq, s.running])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('steps post one snapshot each, not running', () => {
    const { host, posted } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([2], { count: 10 }) });
    host.receive({ type: 'stepExample', seq: 0 });
    host.receive({ type: 'stepEpoch', seq: 0 });
    const [, afterExample, afterEpoch] = snapshots(posted);
    expect(afterExample).toMatchObject({ updates: 1, position: 1, epoch: 0, running: false });
    expect(afterEpoch).toMatchObject({ updates: 10, position: 0, epoch: 1, running: false });
  });

  it('divergence stops playing and posts the restored weights with where it happened', () => {
    const { host, posted, flush, pending } = fakeHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([6, 6, 6], { activation: 'linear', training: { learningRate: 10 } }) });
    host.receive({ type: 'play', seq: 0 });
    flush(3);
    const diverged = posted.find((m) => m.type === 'diverged');
    expect(diverged?.type).toBe('diverged');
    if (diverged?.type !== 'diverged') return;
    expect(diverged.snapshot.running).toBe(false);
    expect(diverged.snapshot.weights.every((w) => Number.isFinite(w) && Math.abs(w) <= 1e6)).toBe(true);
    expect(pending()).toBe(0);
  });

  it('a document the engine refuses is reported, not thrown', () => {
    const { host, posted, flush } = fakeHost();
    const doc = layeredDoc([2]);
    doc.edges.push({ id: 'loop', source: 'out', target: 'h0_0', weight: 1 });
    host.receive({ type: 'load', seq: 0, generation: 3, doc });
    flush();
    expect(posted).toEqual([expect.objectContaining({ type: 'failed', generation: 3 })]);
  });
});

describe('Play at a chosen speed', () => {
  /** a host on a clock the test moves (and that creeps 0.01 ms per reading, as real time would); records each tick's delay */
  function pacedHost() {
    let t = 0;
    const posted: FromWorker[] = [];
    let queue: (() => void)[] = [];
    const delays: (number | undefined)[] = [];
    const host = createTrainerHost({
      post: (m) => posted.push(m),
      schedule: (fn, delayMs) => {
        delays.push(delayMs);
        queue.push(fn);
      },
      now: () => (t += 0.01),
    });
    /** runs the scheduled ticks, `ms` of clock apart, acknowledging every snapshot */
    const run = (ms: number, ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        t += ms;
        const q = queue;
        queue = [];
        q.forEach((fn) => fn());
        host.receive({ type: 'shown' });
      }
    };
    const updates = () => snapshots(posted).at(-1)!.updates;
    /** runs the oldest scheduled callback alone */
    const flushOne = () => queue.shift()?.();
    return { host, run, updates, delays, clock: () => t, pending: () => queue.length, flushOne };
  }

  for (const mode of ['sequential', 'batch'] as const) {
    it(`keeps to 10 epochs per second in ${mode} mode, waiting rather than spinning when ahead`, () => {
      const { host, run, updates, delays, clock } = pacedHost();
      const doc = layeredDoc([3], { count: 40, training: { mode } });
      host.receive({ type: 'speed', epochsPerSecond: 10 });
      host.receive({ type: 'load', seq: 0, generation: 1, doc });
      run(0, 1);
      const start = clock();
      host.receive({ type: 'play', seq: 1 });
      run(20, 100); // two seconds of clock (and a little creep)
      host.receive({ type: 'pause', seq: 2 });
      const seconds = (clock() - start) / 1000;
      const epochs = updates() / 40;
      expect(seconds).toBeGreaterThan(2);
      expect(epochs).toBeGreaterThanOrEqual(10 * seconds - 1.05); // batch updates come a whole epoch at a time
      expect(epochs).toBeLessThanOrEqual(10 * seconds);
      // batch mode accrues a whole epoch over several ticks: those ticks wait a little instead of spinning
      if (mode === 'batch') expect(delays.filter((d) => d !== undefined).length).toBeGreaterThan(50);
    });
  }

  it('full speed (null) is not held back, and a new speed applies from when it is set', () => {
    const { host, run, updates } = pacedHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3], { count: 40 }) });
    run(0, 1);
    host.receive({ type: 'speed', epochsPerSecond: 1 });
    host.receive({ type: 'play', seq: 1 });
    run(100, 10); // one second at 1 epoch/s
    expect(updates() / 40).toBeLessThanOrEqual(1);
    host.receive({ type: 'speed', epochsPerSecond: null });
    run(20, 5);
    expect(updates() / 40).toBeGreaterThan(5);
  });

  it('while the page asks for time (a drag), rests a slice after each slice, and stops resting after', () => {
    const { host, run, delays } = pacedHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3], { count: 40 }) });
    run(0, 1);
    host.receive({ type: 'play', seq: 1 });
    run(20, 5);
    expect(delays.slice(-3)).toEqual([undefined, undefined, undefined]);
    host.receive({ type: 'yield', restMs: SLICE_MS });
    run(20, 5);
    expect(delays.slice(-3)).toEqual([SLICE_MS, SLICE_MS, SLICE_MS]);
    host.receive({ type: 'yield', restMs: 4 * SLICE_MS }); // starved for long: a longer rest
    run(20, 5);
    expect(delays.slice(-3)).toEqual([4 * SLICE_MS, 4 * SLICE_MS, 4 * SLICE_MS]);
    host.receive({ type: 'yield', restMs: 0 });
    run(20, 5);
    expect(delays.slice(-3)).toEqual([undefined, undefined, undefined]);
  });

  it('a shorter rest asked while the worker rests (the input’s frame is on screen) ends that rest at once', () => {
    const { host, run, delays, pending, flushOne } = pacedHost();
    host.receive({ type: 'load', seq: 0, generation: 1, doc: layeredDoc([3], { count: 40 }) });
    run(0, 1);
    host.receive({ type: 'play', seq: 1 });
    run(20, 3);
    host.receive({ type: 'yield', restMs: 96 });
    run(20, 1); // the slice under way ends, then the worker rests
    expect(delays.at(-1)).toBe(96);
    expect(pending()).toBe(1);
    const before = delays.length;
    host.receive({ type: 'yield', restMs: 0 });
    // a new tick at once; the old timer, when it fires, does nothing
    expect(delays.slice(before)).toEqual([undefined]);
    expect(pending()).toBe(2);
    flushOne(); // the stale timer
    expect(delays.length).toBe(before + 1);
    flushOne(); // the fresh tick trains a slice and schedules the next, with no rest
    expect(delays.slice(before)).toEqual([undefined, undefined]);
    // a longer rest does not cut anything short: it applies after the next slice
    host.receive({ type: 'yield', restMs: 48 });
    expect(delays.length).toBe(before + 2);
  });
});
