import { useLive } from '../../studio/hooks';

const ALL = { s: true, z: true, dhds: true } as const;
const NONE = {} as const;

/** which of a node's quantities the step-through has revealed (all of them when not stepping) */
export function useRevealed(id: string): { s?: boolean; z?: boolean; dhds?: boolean } {
  return useLive((s) => (s.reveal ? (s.reveal.nodes[id] ?? NONE) : ALL));
}

export function useIsCurrent(id: string): boolean {
  return useLive((s) => s.reveal?.current === id);
}

export function useNodeLive(id: string) {
  return useLive((s) => s.nodes[id]);
}
