import { initWeights } from '../../../engine';
import type { GraphDoc } from '../../../engine/format/types';
import { isFreshDocument, type DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { ShownWeights } from '../live/shownWeights';
import type { DragPositions } from '../canvas/dragPositions';
import type { StudioEnv, WorkerPort } from '../studio/env';
import type { FromWorker, Snapshot, ToWorker } from './protocol';
import type { TrainingStore } from './store';
import { changesTraining } from '../../../engine';
import { describeDivergence } from './divergenceMessage';
import { SATURATED_MESSAGE } from './saturationMessage';
import { createInlineTrainer, type TrainerPort } from './inlineTrainer';
import { createDocWritePace } from '../pacing/costPace';
import { ShowPace } from '../pacing/showPace';
import { isBigGraph } from '../pacing/bigGraph';
import { Starvation } from '../pacing/starvation';
import { INPUT_FIRST, STARVED } from '../pacing/constants';

// The main thread's side of training: owns the worker, sends it the document whenever an edit
// changes what training computes (so training carries on with the new document), and writes the
// worker's weights into the document — without history while running, one undo entry when it
// stops (pause, step, divergence). While it runs, each snapshot's weights go to the shown
// weights (live/shownWeights.ts: edges, annotations and maps follow them at screen rate) and into
// the document at a pace its cost allows (every snapshot for a small graph; a big graph's
// document write re-derives a lot, so it happens a few times a second at most).

export interface TrainingControllerDeps {
  env: Pick<StudioEnv, 'now' | 'requestFrame' | 'cancelFrame' | 'setTimeout' | 'clearTimeout' | 'afterRender' | 'trainerWorker' | 'keys'>;
  document: DocumentStore;
  training: TrainingStore;
  shown: ShownWeights;
  notices: Pick<Notices, 'notify'>;
  drag: DragPositions;
  /** where the step-through stands in the epoch of `doc` (examples trained, at a batch's start): training goes on from there */
  epochPosition?: (doc: GraphDoc) => number;
  /** training wrote its weights and epoch into the document, `position` examples into the epoch: the step-through goes on from there */
  trained?: (position: number) => void;
}

/** values[i] under ids[i] */
function byEdgeId(ids: readonly string[], values: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  ids.forEach((id, i) => (out[id] = values[i]));
  return out;
}

/** why training cannot start, or null */
export function cannotTrain(doc: GraphDoc): string | null {
  if (doc.dataset.examples.length === 0) return 'Add some points first: click the plot, or generate a data set.';
  if (doc.dataset.examples.every((ex) => ex.test === true)) return 'Every point is a test point, and test points never train: lower the test share.';
  if (doc.edges.length === 0) return 'The network has no weights to train yet: connect some nodes.';
  if (!doc.nodes.some((n) => n.type === 'neuron' && n.output !== undefined)) return 'Mark a neuron as an output first.';
  return null;
}

export function createTrainingController({ env, document, training, shown, notices, drag, epochPosition, trained }: TrainingControllerDeps) {
  let worker: TrainerPort | null = null;
  /** whether the worker has answered at all (an error before that means it could not start) */
  let heard = false;
  let generation = 0;
  let loaded: GraphDoc | null = null;
  let loadedEdgeIds: string[] = [];
  /** the loaded document is a big graph: its strokes are paced */
  let big = false;
  let writing = false;
  /** the engine's reason for refusing the loaded document, if it did */
  let failure: { generation: number; message: string } | null = null;
  /** numbers the commands sent to the worker (see protocol.ts) */
  let seq = 0;
  /** when the worker hears that a running snapshot is on screen (pacing/showPace.ts) */
  const showPace = new ShowPace();
  /** how often running weights go into the document (pacing/costPace.ts) */
  const docWrites = createDocWritePace();
  /** whether the page is starved while training runs, from its frame intervals (pacing/starvation.ts) */
  const starvation = new Starvation();
  /** the frame watcher's request while training runs, and the last frame's time */
  let frameWatch: number | null = null;
  let lastFrame: number | null = null;
  /** what the worker was last told to rest after each slice (a drag, or the page starved); 0: none */
  let restMs = 0;
  let dragging = false;
  /** since an input (pointer down or up, a key): a running snapshot waits until that frame has rendered, the newest one kept */
  let inputFirst = false;
  /** since such an input, until its frame has rendered (or INPUT_FIRST.maxMs): the worker rests after each slice */
  let inputRest = false;
  let held: FromWorker | null = null;
  let stops: (() => void)[] = [];

  /**
   * A pointer or key went down or up while training runs: the snapshots arriving before the next
   * frame has rendered wait for it (the newest kept, the weights between them dropped), so the
   * frame that paints the input's own change (a selection, Pause) is not also the one that
   * re-renders a snapshot; and the worker rests meanwhile (INPUT_FIRST), so that frame's render
   * and paint have a core to themselves.
   */
  function holdForInput(): void {
    if (inputFirst || !training.getState().running) return;
    inputFirst = true;
    inputRest = true;
    tellYield();
    // a hidden page draws no frame: the rest ends at the latest after maxMs all the same
    const cap = env.setTimeout(endInputRest, INPUT_FIRST.maxMs);
    env.requestFrame(() =>
      env.afterRender(() => {
        inputFirst = false;
        env.clearTimeout(cap);
        endInputRest();
        const m = held;
        held = null;
        // paused meanwhile: the pause's own snapshot follows, the held one is stale
        if (m && training.getState().running) receive(m);
      }),
    );
  }

  function endInputRest(): void {
    inputRest = false;
    // stopped meanwhile: no worker to tell (posting would start a new one)
    if (worker) tellYield();
  }

  /** training yields while the person drags, an input waits for its frame, or the page is starved: the worker hears when that changes */
  function tellYield(): void {
    const rest = Math.max(dragging ? STARVED.restMs[0] : 0, inputRest ? INPUT_FIRST.restMs : 0, starvation.restMs);
    if (rest === restMs) return;
    restMs = rest;
    post({ type: 'yield', restMs: rest });
  }

  /** while training runs, every frame's interval goes to the starvation policy */
  function watchFrames(running: boolean): void {
    if (running === (frameWatch !== null)) return;
    if (!running) {
      if (frameWatch !== null) env.cancelFrame(frameWatch);
      frameWatch = null;
      starvation.reset();
      tellYield();
      return;
    }
    lastFrame = null;
    const onFrame = () => {
      const now = env.now();
      if (lastFrame !== null) starvation.observe(now - lastFrame, now);
      lastFrame = now;
      tellYield();
      frameWatch = env.requestFrame(onFrame);
    };
    frameWatch = env.requestFrame(onFrame);
  }

  function startWorker(): TrainerPort {
    const w = env.trainerWorker() as WorkerPort<ToWorker, FromWorker> | null;
    if (!w) return createInlineTrainer(receive, env);
    w.onmessage = (event) => {
      heard = true;
      receive(event.data);
    };
    w.onerror = (event) => {
      if (heard) {
        training.setRunning(false);
        notices.notify(`The training worker stopped: ${event.message || 'unknown error'}`, 'error');
        return;
      }
      event.preventDefault();
      w.terminate();
      fallBackToPage();
    };
    return w;
  }

  /** the worker could not start: train on the page instead, from the current document */
  function fallBackToPage(): void {
    worker = createInlineTrainer(receive, env);
    notices.notify('Training runs on the page itself: the background worker could not start here.', 'warning');
    load(document.getState().doc);
    post({ type: 'speed', epochsPerSecond: training.getState().speed });
    if (training.getState().running) post({ type: 'play', seq: ++seq });
  }

  function ensureWorker(): TrainerPort {
    worker ??= startWorker();
    return worker;
  }

  function load(doc: GraphDoc): void {
    generation++;
    loaded = doc;
    loadedEdgeIds = doc.edges.map((e) => e.id);
    big = isBigGraph(doc.nodes.length, doc.edges.length);
    shown.clear();
    docWrites.forgetLastRun();
    const position = epochPosition?.(doc) ?? 0;
    post({ type: 'load', seq: ++seq, generation, doc, ...(position > 0 ? { position } : {}) });
  }

  function post(message: ToWorker): void {
    ensureWorker().postMessage(message);
  }

  function receive(message: FromWorker): void {
    if (inputFirst && (message.type === 'weights' || (message.type === 'snapshot' && message.snapshot.running))) {
      if (message.type === 'snapshot') held = message;
      return;
    }
    if (message.type === 'snapshot' || message.type === 'diverged') held = null; // newer than the one held (a pause's)
    if (message.type === 'failed') {
      if (message.generation !== generation) return;
      // a document the engine refuses (the canvas lists its problems): said when training is wanted
      failure = { generation, message: message.message };
      if (training.getState().running) notices.notify(`Training stopped: ${message.message}`, 'error');
      training.setRunning(false);
      return;
    }
    if (message.type === 'weights') {
      // between snapshots, for what follows the weights at its own pace (maps, strokes)
      if (message.generation === generation && training.getState().running) shown.show(loadedEdgeIds, message.weights, env.now(), big);
      return;
    }
    failure = null;
    if (message.snapshot.generation !== generation) return;
    if (message.type === 'diverged') {
      write(message.snapshot);
      training.setRunning(false);
      notices.notify(describeDivergence(message.divergence, document.getState().doc), 'error');
      return;
    }
    const started = env.now();
    const wasSaturated = training.getState().saturated;
    write(message.snapshot);
    // saturation fails silently otherwise: said once as it sets in (the readouts keep a line)
    if (message.snapshot.saturated && !wasSaturated) notices.notify(SATURATED_MESSAGE, 'warning');
    if (!message.snapshot.running) return;
    // what showing it cost the main thread: the write and React's render (a microtask queued by it)
    let cost = 0;
    queueMicrotask(() => (cost = env.now() - started));
    acknowledge(() => cost);
  }

  /**
   * Tells the worker the snapshot is on screen (at the next animation frame: React has rendered it
   * by then, and the worker trains on while this frame paints), so the pace of snapshots follows
   * the screen. What showing one costs counts the write, React's render and the frame's style,
   * layout and paint; ShowPace decides from it when the worker hears (pacing/constants.ts, SHOW).
   */
  function acknowledge(cost: () => number): void {
    env.requestFrame(() => {
      const frame = env.now();
      const atOnce = showPace.atOnce();
      if (atOnce) post({ type: 'shown' });
      env.afterRender(() => {
        showPace.observe(cost() + (env.now() - frame), env.now());
        if (!atOnce) env.setTimeout(() => post({ type: 'shown' }), showPace.wait(env.now()));
      });
    });
  }

  /** the worker's weights and epoch into the document; one undo entry once it has stopped */
  function write(snapshot: Snapshot): void {
    const doc = document.getState().doc;
    training.applySnapshot(snapshot, doc.dataset.examples.length, snapshot.seq === seq);
    if (snapshot.updates === 0) return;
    if (snapshot.running) {
      shown.show(loadedEdgeIds, snapshot.weights, env.now(), big);
      if (docWrites.wait(env.now()) > 0) return;
    }
    const started = env.now();
    const values = byEdgeId(loadedEdgeIds, snapshot.weights);
    // momentum's velocities go with the weights, in the same undo entry, so training resumes exactly
    const velocities = snapshot.velocities ? byEdgeId(loadedEdgeIds, snapshot.velocities) : undefined;
    writing = true;
    try {
      if (doc.training.epoch !== snapshot.epoch) document.setTraining({ epoch: snapshot.epoch }, { history: false });
      document.setWeights(values, { history: !snapshot.running }, velocities);
    } finally {
      writing = false;
    }
    // a training-relevant edit since the last load would have started a new generation, so the
    // document now is the loaded one plus these weights (and perhaps moved nodes)
    loaded = document.getState().doc;
    if (!snapshot.running) trained?.(snapshot.position);
    docWrites.ran(env.now());
    // React renders the store's subscribers in a microtask queued by the write: count it too
    queueMicrotask(() => docWrites.observe(env.now() - started));
    if (!snapshot.running) shown.clear();
  }

  function guard(): boolean {
    const refused = failure?.generation === generation ? `This network cannot be trained yet: ${failure.message}` : null;
    const reason = cannotTrain(document.getState().doc) ?? refused;
    if (reason) notices.notify(reason, 'warning');
    return reason === null;
  }

  function pause(): void {
    if (!worker) return;
    training.setRunning(false);
    post({ type: 'pause', seq: ++seq });
  }

  function play(): void {
    if (!guard()) return;
    training.setRunning(true);
    post({ type: 'play', seq: ++seq });
  }

  return {
    /** starts the worker and sends it the document, so the readouts show the untrained state */
    start(): void {
      if (stops.length > 0) return;
      ensureWorker();
      stops = [
        document.subscribe((s) => {
          if (writing || !changesTraining(loaded, s.doc)) return;
          // (not `prev`: a listener's own setState inside the load's notification — the file name
          // following an untitled document's title — would show this one the new document twice,
          // the first time with prev.doc already new, and the load would go by unpaused)
          if (isFreshDocument(s)) {
            // another file opened, or a new one: its own training starts paused, with its own chart
            if (training.getState().running) pause();
            training.clearHistory();
          }
          load(s.doc);
        }),
        // while the person drags nodes, training leaves the page half of its core (2-core machines)
        drag.subscribe((d) => {
          dragging = Object.keys(d.positions).length > 0;
          tellYield();
        }),
        // the page starved while training runs: training yields before the interface does
        training.subscribe((t) => watchFrames(t.running)),
        ...(['pointerdown', 'pointerup', 'keydown'] as const).map((type) => {
          env.keys.addEventListener(type, holdForInput, { capture: true });
          return () => env.keys.removeEventListener(type, holdForInput, { capture: true });
        }),
      ];
      load(document.getState().doc);
      post({ type: 'speed', epochsPerSecond: training.getState().speed });
    },
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
      watchFrames(false);
      (worker as Partial<WorkerPort<ToWorker, FromWorker>> | null)?.terminate?.();
      worker = null;
    },
    /** how fast Play trains: epochs per second, or null for as fast as the machine can */
    setSpeed(epochsPerSecond: number | null): void {
      training.setSpeed(epochsPerSecond);
      if (worker) post({ type: 'speed', epochsPerSecond });
    },
    play,
    pause,
    playPause(): void {
      if (training.getState().running) pause();
      else play();
    },
    stepExample(): void {
      if (!guard()) return;
      training.setRunning(false);
      post({ type: 'stepExample', seq: ++seq });
    },
    stepEpoch(): void {
      if (!guard()) return;
      training.setRunning(false);
      post({ type: 'stepEpoch', seq: ++seq });
    },
    /** re-draws every weight from the seed (the same seed, the same weights) and starts at epoch 0 */
    resetWeights(): void {
      pause();
      const doc = document.getState().doc;
      const fresh = initWeights({ ...doc, training: { ...doc.training, epoch: 0 } }, doc.training.seed);
      trained?.(0); // the epoch starts over for the step-through too (before the reload reads its place)
      document.replaceDocument(fresh, 'Reset weights');
    },
  };
}

export type TrainingController = ReturnType<typeof createTrainingController>;
