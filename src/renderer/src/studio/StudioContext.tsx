import { createContext, useContext, type ReactNode } from 'react';
import type { Studio } from './createStudio';

// The one context through which React reaches the studio (its stores and services).
const StudioContext = createContext<Studio | null>(null);

export function StudioProvider({ studio, children }: { studio: Studio; children: ReactNode }) {
  return <StudioContext.Provider value={studio}>{children}</StudioContext.Provider>;
}

export function useStudio(): Studio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('useStudio outside a StudioProvider');
  return studio;
}
