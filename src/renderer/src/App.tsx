import { ReactFlowProvider } from '@xyflow/react';
import { TopBar } from './panels/TopBar';
import { ControlStrip } from './panels/ControlStrip';
import { DetailsArea } from './panels/DetailsArea';
import { Palette } from './canvas/Palette';
import { GraphCanvas } from './canvas/GraphCanvas';
import { Legend } from './canvas/Legend';
import { FirstRunHint } from './canvas/FirstRunHint';
import { DataPlot, DataTools } from './data/DataPlot';
import { TrainingPanel } from './training/TrainingPanel';
import { LossChart } from './training/LossChart';
import { Notices } from './panels/Notices';
import { About } from './panels/About';
import { ExplodeView } from './explode/ExplodeView';
import { WorksheetDialog } from './worksheet/WorksheetDialog';
import { PresentDockProvider, PresentDockSlot } from './predict/presentDock';
import { useView } from './studio/hooks';

// The window, one screen as in TF Playground: the file bar; the training strip (Play, speed,
// steps, readouts); the palette, the network canvas with the details tabs under it, and a right
// column whose data plot and loss chart always show (settings scroll below them). Presentation
// mode keeps the strip, the network, the plot and the loss, in larger type.
export function App() {
  const panelsHidden = useView((s) => s.panelsHidden);
  const presenting = useView((s) => s.presenting);
  const className = ['app', panelsHidden && 'panels-hidden', presenting && 'presenting'].filter(Boolean).join(' ');
  return (
    <ReactFlowProvider>
      <PresentDockProvider>
        <div className={className}>
          <header className="app-top">
            <TopBar />
          </header>
          <div className="app-strip">
            <ControlStrip />
          </div>
          <aside className="app-left" aria-label="Palette">
            <Palette />
          </aside>
          <main className="app-canvas">
            <FirstRunHint />
            <Legend />
            <section className="app-network" aria-label="Network graph">
              <GraphCanvas />
            </section>
            <Notices />
            <PresentDockSlot />
          </main>
          <div className="app-details">
            <DetailsArea />
          </div>
          <aside className="app-right" aria-label="Side panels">
            <DataPlot />
            <LossChart />
            <div className="app-more">
              <TrainingPanel />
              <DataTools />
            </div>
          </aside>
        </div>
        <About />
        <ExplodeView />
        <WorksheetDialog />
      </PresentDockProvider>
    </ReactFlowProvider>
  );
}
