import { memo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { InTab } from './Panel';
import { Inspector } from './Inspector';
import { StepperPanel } from '../stepper/StepperPanel';
import { FormulaInspector } from '../formula/FormulaInspector';
import { WorkTable } from '../predict/WorkTable';
import { DETAIL_TABS, type DetailTab } from '../store/view';
import { useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

const TAB_NAMES: Record<DetailTab, string> = { inspector: 'Inspector', formulas: 'Formulas', stepper: 'Step through', worksheet: 'Work it by hand' };

// Under the canvas: the inspector, the formulas and the step-through as tabs, so none of them
// pushes the data plot or the loss off the screen. Clicking the shown tab folds the area to its
// tab bar (the canvas takes the room); every tab stays mounted, so what it registers keeps
// working while hidden. A step-through that starts shows its tab (createStudio).
export const DetailsArea = memo(function DetailsArea() {
  const studio = useStudio();
  const { tab, open } = useView((s) => s.details);
  const pick = (t: DetailTab) => (t === tab ? studio.view.toggleDetails() : studio.view.showDetail(t));
  // the tabs pattern: arrows move to the next or previous tab and show it
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = DETAIL_TABS[(DETAIL_TABS.indexOf(tab) + step + DETAIL_TABS.length) % DETAIL_TABS.length];
    studio.view.showDetail(next);
    e.currentTarget.querySelector<HTMLElement>(`#details-tab-${next}`)?.focus();
  };
  return (
    <section className={open ? 'details' : 'details folded'} aria-label="Details">
      <div className="details-tabs" role="tablist" aria-label="Details" onKeyDown={onKeyDown}>
        {DETAIL_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`details-tab-${t}`}
            aria-selected={t === tab}
            aria-controls={`details-panel-${t}`}
            aria-expanded={t === tab ? open : undefined}
            tabIndex={t === tab ? 0 : -1}
            className="details-tab"
            title={t === tab && open ? 'Fold the details to give the canvas the room' : undefined}
            onClick={() => pick(t)}
          >
            {TAB_NAMES[t]}
          </button>
        ))}
        <button type="button" className="details-fold" onClick={studio.view.toggleDetails} aria-label={open ? 'Fold details' : 'Unfold details'}>
          {open ? '▾' : '▴'}
        </button>
      </div>
      <TabPanel id="inspector" shown={open && tab === 'inspector'}>
        <Inspector />
      </TabPanel>
      {/* typeset anew for each node or edge selected: made the first time it is shown, like the worksheet */}
      <TabPanel id="formulas" shown={open && tab === 'formulas'} lazy>
        <FormulaInspector />
      </TabPanel>
      <TabPanel id="stepper" shown={open && tab === 'stepper'}>
        <StepperPanel />
      </TabPanel>
      {/* the worksheet is a row per quantity of the whole net (26,000 on a 2,000-node graph): made the first time it is shown */}
      <TabPanel id="worksheet" shown={open && tab === 'worksheet'} lazy>
        <WorkTable />
      </TabPanel>
    </section>
  );
});

/** `lazy`: its content is mounted the first time it is shown, and stays mounted from then on */
function TabPanel({ id, shown, lazy = false, children }: { id: DetailTab; shown: boolean; lazy?: boolean; children: ReactNode }) {
  const [seen, setSeen] = useState(shown);
  if (shown && !seen) setSeen(true);
  return (
    <div className="details-panel" role="tabpanel" id={`details-panel-${id}`} aria-labelledby={`details-tab-${id}`} hidden={!shown}>
      {(!lazy || seen || shown) && <InTab.Provider value={true}>{children}</InTab.Provider>}
    </div>
  );
}
