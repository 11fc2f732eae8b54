import { createContext, useContext, type ReactNode } from 'react';
import { useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

interface PanelProps {
  /** names the panel in the remembered open/closed state */
  id: string;
  title: string;
  /** the panel's accessible name, when it says more than its title */
  label?: string;
  className: string;
  /** controls shown in the heading beside the title (they stay while the panel is closed) */
  extra?: ReactNode;
  children: ReactNode;
}

/** true inside a tab of the details area: the tab names the panel and shows or hides it */
export const InTab = createContext(false);

// A side panel whose heading opens and closes it (the disclosure pattern: a button with
// aria-expanded). Closed, its body stays mounted but hidden, so what it registers (menu
// commands, shortcuts) keeps working and reopening it loses nothing typed. Inside a tab
// (DetailsArea) it is always open and has no heading of its own, only its controls.
export function Panel({ id, title, label, className, extra, children }: PanelProps) {
  const inTab = useContext(InTab);
  const studio = useStudio();
  const open = useView((s) => inTab || !s.closedPanels.includes(id));
  const bodyId = `panel-body-${id}`;
  return (
    <section className={`panel ${className}${open ? '' : ' closed'}${inTab ? ' in-tab' : ''}`} aria-label={label ?? title}>
      {inTab ? (
        extra && <div className="panel-extra">{extra}</div>
      ) : (
        <h2 className="panel-head">
          <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => studio.view.togglePanel(id)}>
            <span className="panel-chevron" aria-hidden="true" />
            {title}
          </button>
          {extra}
        </h2>
      )}
      <div id={bodyId} className="panel-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
