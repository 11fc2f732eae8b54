import { useState } from 'react';
import type { NetCache } from './netCache';
import { useStudio } from './StudioContext';

/** the calling component's own user of the page's one compile (studio/netCache.ts), made once */
export function useNetUser(): NetCache {
  const studio = useStudio();
  return useState(() => studio.nets.user())[0];
}
