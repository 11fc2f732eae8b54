import { TrainingSession } from '../training/session';
import type { FromWorker, ToWorker } from '../training/protocol';

// The worker's logic without the Worker: receives messages, trains in time slices while playing,
// and posts a snapshot at most once per frame interval. Time and scheduling are injected so
// tests drive it synchronously in Node.

export const SLICE_MS = 12;
export const SNAPSHOT_MS = 16;

export interface HostEnv {
  post(message: FromWorker, transfer: Transferable[]): void;
  /** run `fn` soon, after pending messages have been handled */
  schedule(fn: () => void): void;
  now(): number;
}

export interface TrainerHost {
  receive(message: ToWorker): void;
}

export function createTrainerHost(env: HostEnv): TrainerHost {
  let session: TrainingSession | null = null;
  /** a document received but not yet compiled: a burst of edits (a drag) compiles only the last */
  let pendingLoad: Extract<ToWorker, { type: 'load' }> | null = null;
  let running = false;
  let seq = 0;
  let scheduled = false;
  let lastPost = 0;
  /** a running snapshot is out and not yet shown: hold the next (the main thread sets the pace) */
  let unshown = false;
  let rateFrom = { t: 0, updates: 0 };
  let rate = 0;

  const post = (message: FromWorker) => {
    const snap = message.type === 'failed' ? null : message.snapshot;
    env.post(message, snap ? [snap.weights.buffer] : []);
    lastPost = env.now();
  };

  const postSnapshot = () => {
    if (!session) return;
    const t = env.now();
    if (running && t > rateFrom.t) {
      rate = ((session.updateCount - rateFrom.updates) * 1000) / (t - rateFrom.t);
      rateFrom = { t, updates: session.updateCount };
    }
    if (running) unshown = true;
    post({ type: 'snapshot', snapshot: session.snapshot(running, running ? rate : 0, seq) });
  };

  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      running = false;
      post({ type: 'failed', generation: session?.generation ?? -1, message: err instanceof Error ? err.message : String(err) });
    }
  };

  const stopWith = (result: ReturnType<TrainingSession['stepExample']>): boolean => {
    if (result.ok || !session) return false;
    running = false;
    post({ type: 'diverged', snapshot: session.snapshot(false, 0, seq), divergence: result.divergence });
    return true;
  };

  const tick = () => {
    scheduled = false;
    if (pendingLoad) return; // applyLoad restarts the loop with the new document
    if (!running || !session) return;
    guarded(() => {
      if (!session) return;
      const result = session.runUntil(env.now() + SLICE_MS, env.now);
      if (stopWith(result)) return;
      if (!unshown && env.now() - lastPost >= SNAPSHOT_MS) postSnapshot();
      loop();
    });
  };

  const loop = () => {
    if (running && !scheduled) {
      scheduled = true;
      env.schedule(tick);
    }
  };

  const play = () => {
    if (!session || !session.canTrain) {
      running = false;
      postSnapshot();
      return;
    }
    running = true;
    unshown = false;
    rateFrom = { t: env.now(), updates: session.updateCount };
    rate = 0;
    loop();
  };

  const applyLoad = () => {
    const m = pendingLoad;
    if (!m) return;
    pendingLoad = null;
    seq = Math.max(seq, m.seq);
    try {
      session = new TrainingSession(m.doc, m.generation);
    } catch (err) {
      session = null;
      running = false;
      post({ type: 'failed', generation: m.generation, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (running) play();
    else postSnapshot();
  };

  const handlers: { [K in ToWorker['type']]: (m: Extract<ToWorker, { type: K }>) => void } = {
    load: (m) => {
      const first = pendingLoad === null;
      pendingLoad = m;
      if (first) env.schedule(() => guarded(applyLoad));
    },
    play,
    shown: () => {
      unshown = false;
    },
    pause: () => {
      running = false;
      postSnapshot();
    },
    stepExample: () => {
      running = false;
      if (session?.canTrain && !stopWith(session.stepExample())) postSnapshot();
    },
    stepEpoch: () => {
      running = false;
      if (session?.canTrain && !stopWith(session.stepEpoch())) postSnapshot();
    },
  };

  return {
    receive: (message) =>
      guarded(() => {
        if (message.type !== 'load' && message.type !== 'shown') {
          applyLoad(); // a step or play acts on the latest document
          seq = message.seq;
        }
        (handlers[message.type] as (m: ToWorker) => void)(message);
      }),
  };
}
