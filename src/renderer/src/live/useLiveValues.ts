import { useEffect } from 'react';
import { useDocument } from '../store/document';
import { clearLive, publishLive, useLive } from '../store/live';
import { computeLive } from './computeLive';
import { useShownWeights } from './shownWeights';

// Keeps useLive in step with the document and the example in hand: whenever the document (its
// weights), training's shown weights or the chosen example change, one forward + backward pass runs at the
// next animation frame and its numbers are published. Mount once.

/** the example in hand: the chosen one, else 0 when there are examples; kept in range */
function settleExampleIndex(count: number): number | null {
  const { exampleIndex } = useLive.getState();
  const next = count === 0 ? null : exampleIndex === null ? 0 : Math.min(Math.max(0, exampleIndex), count - 1);
  if (next !== exampleIndex) useLive.setState({ exampleIndex: next });
  return next;
}

export function refreshLive(): void {
  const { doc } = useDocument.getState();
  const index = settleExampleIndex(doc.dataset.examples.length);
  const values = index === null ? null : computeLive(doc, index);
  if (values) publishLive(values);
  else clearLive();
  const outputs = values?.outputs.length ?? 0;
  const { outputIndex } = useLive.getState();
  if (outputs > 0 && outputIndex >= outputs) useLive.setState({ outputIndex: 0 });
}

/**
 * While training runs, how long to wait after a refresh that cost `cost` ms (its pass and
 * React's render of the nodes): nothing for a small graph (every snapshot shows), a multiple of
 * the cost for a big one (its hundreds of numbers change faster than anyone reads them, and
 * redrawing them all takes the frames the canvas needs), at most a quarter second.
 */
export function trainingRefreshGap(cost: number): number {
  return cost < 2 ? 0 : Math.min(250, 12 * cost);
}

export function startLiveValues(): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = { at: -Infinity, cost: 0 };
  const refresh = () => {
    frame = 0;
    const started = performance.now();
    refreshLive();
    last = { at: started, cost: 0 };
    const measured = last;
    queueMicrotask(() => (measured.cost = performance.now() - started));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(refresh);
  };
  /** training's snapshots: paced by what showing them costs */
  const scheduleTraining = () => {
    if (frame || timer) return;
    const wait = last.at + trainingRefreshGap(last.cost) - performance.now();
    if (wait <= 0) schedule();
    else timer = setTimeout(() => ((timer = null), schedule()), wait);
  };
  refreshLive();
  const offDoc = useDocument.subscribe((s, prev) => {
    if (s.doc !== prev.doc) schedule();
  });
  const offLive = useLive.subscribe((s, prev) => {
    if (s.exampleIndex !== prev.exampleIndex) schedule();
  });
  const offShown = useShownWeights.subscribe((s) => (s.weights ? scheduleTraining() : schedule()));
  return () => {
    offShown();
    offDoc();
    offLive();
    if (frame) cancelAnimationFrame(frame);
    if (timer) clearTimeout(timer);
  };
}

export function useLiveValues(): void {
  useEffect(() => startLiveValues(), []);
}
