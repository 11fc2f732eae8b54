import type { DocumentStore } from '../store/document';
import type { Live } from '../store/live';
import type { StudioEnv, TimerId } from '../studio/env';
import { computeLive } from './computeLive';
import type { NetCache } from '../studio/netCache';
import { createRefreshPace } from '../pacing/costPace';
import type { ShownWeights } from './shownWeights';

// Keeps the live values in step with the document and the example in hand: whenever the document
// (its weights), training's shown weights or the chosen example change, one forward + backward
// pass runs at the next animation frame and its numbers are published.

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
  /** while training runs, refreshes follow its snapshots at the pace their cost allows (pacing/constants.ts, REFRESH) */
  const pace = createRefreshPace();
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
    pace.ran(started);
    // React renders the nodes in a microtask queued by the publish: count it too
    queueMicrotask(() => pace.observe(env.now() - started));
  };
  const schedule = () => {
    if (!frame) frame = env.requestFrame(onFrame);
  };
  /** training's snapshots: paced by what showing them costs */
  const scheduleTraining = () => {
    if (frame || timer) return;
    const wait = pace.wait(env.now());
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
