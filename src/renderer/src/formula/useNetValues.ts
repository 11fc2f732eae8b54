import { useDeferredValue, useMemo } from 'react';
import { useNetUser } from '../studio/useNetUser';
import { netValues } from './netValues';
import type { NetValues } from './values';
import { useDocument, useLive } from '../studio/hooks';

/**
 * the example in hand's values by the engine; computed only while `wanted`. The document is
 * deferred so that, while training streams weights, formulas refresh only as fast as React idles.
 */
export function useNetValues(wanted: boolean): NetValues | null {
  const doc = useDeferredValue(useDocument((s) => s.doc));
  const index = useLive((s) => s.exampleIndex);
  const nets = useNetUser();
  return useMemo(() => (wanted && index !== null ? netValues(nets, doc, index) : null), [wanted, nets, doc, index]);
}
