import { useMemo } from 'react';
import { shownBlocks } from './inspectorMask';
import { usePredict } from './hooks';
import { useDocument, useLive } from '../studio/hooks';

/** which formula blocks (their `quantity`, in order) of the selected neuron or edge the inspector may show: all unless a view masks them (stepper/useRevealSync.ts) */
export function useInspectorMask(subject: { kind: 'node' | 'edge'; id: string }, quantities: readonly string[]): boolean[] {
  const masking = usePredict((s) => s.masking);
  const reveal = useLive((s) => s.reveal);
  const hidden = usePredict((s) => s.hidden);
  const target = useDocument((s) => (subject.kind === 'edge' ? s.doc.edges.find((e) => e.id === subject.id)?.target : undefined));
  return useMemo(() => {
    if (!masking) return quantities.map(() => true);
    return shownBlocks(reveal, new Set(hidden), { ...subject, target }, quantities);
  }, [masking, reveal, hidden, subject, target, quantities]);
}
