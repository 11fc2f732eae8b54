import { TrainingSession } from '../training/session';
import type { FromWorker, ToWorker } from '../training/protocol';

// The worker's logic without the Worker: receives messages, trains in time slices while playing,
// and posts a snapshot at most once per frame interval. Time and scheduling are injected so
// tests drive it synchronously in Node.

export const SLICE_MS = 12;
export const SNAPSHOT_MS = 16;
/** while a snapshot waits to be shown, the weights alone at most this often (maps follow them) */
export const WEIGHTS_MS = 12;
/** how long to wait when a speed limit leaves nothing to do right now */
export const IDLE_MS = 8;

export interface HostEnv {
  post(message: FromWorker, transfer: Transferable[]): void;
  /** run `fn` soon (after `delayMs`, if given), after pending messages have been handled */
  schedule(fn: () => void, delayMs?: number): void;
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
  let lastWeights = 0;
  /** a running snapshot is out and not yet shown: hold the next (the main thread sets the pace) */
  let unshown = false;
  let rateFrom = { t: 0, updates: 0 };
  let rate = 0;
  /** epochs per second, or null for full speed; the allowance counts from `paceFrom` */
  let speed: number | null = null;
  let paceFrom = { t: 0, updates: 0 };
  /** the rest after each slice the page asked for (a drag, an input, or the page starved); 0: none */
  let restMs = 0;
  /** the scheduled tick waits out such a rest (a shorter rest asked meanwhile wakes it) */
  let resting = false;
  /** counts scheduled ticks: a tick woken early leaves its old timer stale */
  let ticks = 0;

  /** example-updates the speed limit allows now: what has accrued since paceFrom, less what ran */
  const allowance = (): number => {
    if (speed === null || !session) return Infinity;
    const accrued = Math.floor(((env.now() - paceFrom.t) / 1000) * speed * session.updatesPerEpoch);
    return accrued - (session.updateCount - paceFrom.updates);
  };
  const restartPace = () => {
    paceFrom = { t: env.now(), updates: session?.updateCount ?? 0 };
  };

  const post = (message: FromWorker) => {
    const weights = message.type === 'failed' ? null : message.type === 'weights' ? message.weights : message.snapshot.weights;
    const velocities = message.type === 'snapshot' || message.type === 'diverged' ? message.snapshot.velocities : null;
    env.post(message, [weights?.buffer, velocities?.buffer].filter((b) => b !== undefined));
    if (message.type === 'weights') lastWeights = env.now();
    else lastPost = env.now();
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
      const allowed = allowance();
      const before = session.updateCount;
      const result = session.runUntil(env.now() + SLICE_MS, env.now, allowed);
      if (stopWith(result)) return;
      if (!unshown && env.now() - lastPost >= SNAPSHOT_MS) postSnapshot();
      // (not while the person drags: the page's time goes to the canvas then)
      else if (unshown && restMs === 0 && env.now() - lastWeights >= WEIGHTS_MS) post({ type: 'weights', generation: session.generation, weights: session.weights() });
      if (session.updateCount === before) loop(IDLE_MS);
      else loop(restMs > 0 ? restMs : undefined, restMs > 0);
    });
  };

  const loop = (delayMs?: number, rest = false) => {
    if (running && !scheduled) {
      scheduled = true;
      resting = rest;
      const token = ++ticks;
      env.schedule(() => {
        if (token === ticks) tick();
      }, delayMs);
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
    restartPace();
    loop();
  };

  const applyLoad = () => {
    const m = pendingLoad;
    if (!m) return;
    pendingLoad = null;
    seq = Math.max(seq, m.seq);
    try {
      session = new TrainingSession(m.doc, m.generation, 'wasm', m.position ?? 0);
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
    speed: (m) => {
      speed = m.epochsPerSecond !== null && m.epochsPerSecond > 0 ? m.epochsPerSecond : null;
      restartPace();
    },
    yield: (m) => {
      const sooner = m.restMs < restMs;
      restMs = m.restMs;
      // the input's frame has rendered, or the page is fed again: a rest under way ends now
      if (sooner && scheduled && resting) {
        scheduled = false;
        loop(restMs > 0 ? restMs : undefined, restMs > 0);
      }
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
        if (message.type !== 'load' && message.type !== 'shown' && message.type !== 'speed' && message.type !== 'yield') {
          applyLoad(); // a step or play acts on the latest document
          seq = message.seq;
        }
        (handlers[message.type] as (m: ToWorker) => void)(message);
      }),
  };
}
