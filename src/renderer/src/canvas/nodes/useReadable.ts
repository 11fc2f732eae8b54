import { useStore } from '@xyflow/react';
import { isReadable } from '../../pacing/levelOfDetail';

/** the canvas's zoom lets a node's numbers be read (pacing/levelOfDetail.ts); re-renders only when that changes */
export function useReadable(): boolean {
  return useStore((s) => isReadable(s.transform[2]));
}
