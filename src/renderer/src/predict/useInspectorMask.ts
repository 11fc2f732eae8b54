import { useMemo } from 'react';
import { shownBlocks, type ValueMaskState } from './inspectorMask';
import { usePredict } from './hooks';
import { useDocument, useLive } from '../studio/hooks';

/** the mask in force while a view hides values (stepper/useRevealSync.ts: predicting, the worksheet), or null: everything may be shown */
export function useValueMaskState(): ValueMaskState | null {
  const masking = usePredict((s) => s.masking);
  const reveal = useLive((s) => s.reveal);
  const hidden = usePredict((s) => s.hidden);
  return useMemo(() => (masking && reveal ? { reveal, hidden: new Set(hidden) } : null), [masking, reveal, hidden]);
}

/** which formula blocks (their `quantity`, in order) of the selected neuron or edge the inspector may show: all unless a view masks them */
export function useInspectorMask(subject: { kind: 'node' | 'edge'; id: string }, quantities: readonly string[]): boolean[] {
  const mask = useValueMaskState();
  const target = useDocument((s) => (subject.kind === 'edge' ? s.doc.edges.find((e) => e.id === subject.id)?.target : undefined));
  return useMemo(() => {
    if (!mask) return quantities.map(() => true);
    return shownBlocks(mask.reveal, mask.hidden, { ...subject, target }, quantities);
  }, [mask, subject, target, quantities]);
}
