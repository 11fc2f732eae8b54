import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useView } from '../studio/hooks';

// In presentation mode the details area is hidden, so the step-through's predict card moves to a
// dock at the bottom of the canvas, in large type: the teacher projects, the class calls out
// answers, the teacher types. App places the slot; the step-through portals its one card (and
// its one live region) into it, so nothing is mounted twice.

interface Dock {
  slot: HTMLElement | null;
  setSlot: (el: HTMLElement | null) => void;
}

const DockContext = createContext<Dock>({ slot: null, setSlot: () => undefined });

export function PresentDockProvider({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const dock = useMemo(() => ({ slot, setSlot }), [slot]);
  return <DockContext.Provider value={dock}>{children}</DockContext.Provider>;
}

/** where the dock goes: at the bottom of the canvas */
export function PresentDockSlot() {
  const { setSlot } = useContext(DockContext);
  return <div ref={setSlot} className="predict-dock-slot" />;
}

/** `children` in the dock while presenting, else where they are */
export function InDockWhilePresenting({ children }: { children: ReactNode }) {
  const { slot } = useContext(DockContext);
  const presenting = useView((s) => s.presenting);
  if (!presenting || !slot) return <>{children}</>;
  return createPortal(
    <section className="predict-dock stepper" aria-label="Predict">
      {children}
    </section>,
    slot,
  );
}
