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

export function startLiveValues(): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      refreshLive();
    });
  };
  refreshLive();
  const offDoc = useDocument.subscribe((s, prev) => {
    if (s.doc !== prev.doc) schedule();
  });
  const offLive = useLive.subscribe((s, prev) => {
    if (s.exampleIndex !== prev.exampleIndex) schedule();
  });
  const offShown = useShownWeights.subscribe(schedule);
  return () => {
    offShown();
    offDoc();
    offLive();
    if (frame) cancelAnimationFrame(frame);
  };
}

export function useLiveValues(): void {
  useEffect(() => startLiveValues(), []);
}
