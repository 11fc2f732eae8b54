import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import type { StudioEnv, TimerId } from '../studio/env';
import { computeLive } from './computeLive';
import type { NetCache } from './netCache';
import type { ShownWeights } from './shownWeights';

// Keeps the live values in step with the document and the example in hand: whenever the document
// (its weights), training's shown weights or the chosen example change, one forward + backward
// pass runs at the next animation frame and its numbers are published.

/**
 * While training runs, how long to wait after a refresh that cost `cost` ms (its pass and
 * React's render of the nodes): nothing for a small graph (every snapshot shows), a multiple of
 * the cost for a big one (its hundreds of numbers change faster than anyone reads them, and
 * redrawing them all takes the frames the canvas needs), at most a quarter second.
 */
export function trainingRefreshGap(cost: number): number {
  return cost < 2 ? 0 : Math.min(250, 12 * cost);
}

export interface LiveValuesDeps {
  env: Pick<StudioEnv, 'now' | 'requestFrame' | 'cancelFrame' | 'setTimeout' | 'clearTimeout'>;
  document: DocumentStore;
  live: Live;
  shown: ShownWeights;
  nets: NetCache;
}

export function createLiveValues({ env, document, live, shown, nets }: LiveValuesDeps) {
  let frame = 0;
  let timer: TimerId | null = null;
  let last = { at: -Infinity, cost: 0 };
  let stops: (() => void)[] = [];

  /** the example in hand: the chosen one, else 0 when there are examples; kept in range */
  function settleExampleIndex(count: number): number | null {
    const { exampleIndex } = live.getState();
    const next = count === 0 ? null : exampleIndex === null ? 0 : Math.min(Math.max(0, exampleIndex), count - 1);
    if (next !== exampleIndex) live.setState({ exampleIndex: next });
    return next;
  }

  /** one pass now, its numbers published */
  function refresh(): void {
    const { doc } = document.getState();
    const index = settleExampleIndex(doc.dataset.examples.length);
    const values = index === null ? null : computeLive(doc, index, nets.netFor, shown.weightsFor);
    if (values) live.publish(values);
    else live.clear();
    const outputs = values?.outputs.length ?? 0;
    if (outputs > 0 && live.getState().outputIndex >= outputs) live.setState({ outputIndex: 0 });
  }

  const onFrame = () => {
    frame = 0;
    const started = env.now();
    refresh();
    const measured = { at: started, cost: 0 };
    last = measured;
    queueMicrotask(() => (measured.cost = env.now() - started));
  };
  const schedule = () => {
    if (!frame) frame = env.requestFrame(onFrame);
  };
  /** training's snapshots: paced by what showing them costs */
  const scheduleTraining = () => {
    if (frame || timer) return;
    const wait = last.at + trainingRefreshGap(last.cost) - env.now();
    if (wait <= 0) schedule();
    else timer = env.setTimeout(() => ((timer = null), schedule()), wait);
  };

  return {
    refresh,
    start(): void {
      if (stops.length > 0) return;
      refresh();
      stops = [
        document.subscribe((s, prev) => {
          if (s.doc !== prev.doc) schedule();
        }),
        live.subscribe((s, prev) => {
          if (s.exampleIndex !== prev.exampleIndex) schedule();
        }),
        shown.subscribe((s) => (s.weights ? scheduleTraining() : schedule())),
      ];
    },
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
      if (frame) env.cancelFrame(frame);
      if (timer !== null) env.clearTimeout(timer);
      frame = 0;
      timer = null;
    },
  };
}

export type LiveValuesService = ReturnType<typeof createLiveValues>;
