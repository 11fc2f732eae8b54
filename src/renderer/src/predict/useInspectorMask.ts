import { useMemo } from 'react';
import { shownBlocks } from './inspectorMask';
import { usePredict } from './hooks';
import { useDocument, useLive, useStepper } from '../studio/hooks';

/** which formula blocks (their `quantity`, in order) of the selected neuron or edge the inspector may show: all unless predicting */
export function useInspectorMask(subject: { kind: 'node' | 'edge'; id: string }, quantities: readonly string[]): boolean[] {
  const on = usePredict((s) => s.on);
  const active = useStepper((s) => s.active);
  const predicting = on && active;
  const reveal = useLive((s) => s.reveal);
  const hidden = usePredict((s) => s.hidden);
  const target = useDocument((s) => (subject.kind === 'edge' ? s.doc.edges.find((e) => e.id === subject.id)?.target : undefined));
  return useMemo(() => {
    if (!predicting) return quantities.map(() => true);
    return shownBlocks(reveal, new Set(hidden), { ...subject, target }, quantities);
  }, [predicting, reveal, hidden, subject, target, quantities]);
}
