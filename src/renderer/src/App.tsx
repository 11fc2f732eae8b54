import { ReactFlowProvider } from '@xyflow/react';
import { TopBar } from './panels/TopBar';
import { Palette } from './canvas/Palette';
import { GraphCanvas } from './canvas/GraphCanvas';
import { Inspector } from './panels/Inspector';
import { DataPlot } from './data/DataPlot';
import { TrainingPanel } from './training/TrainingPanel';
import { LossChart } from './training/LossChart';
import { StepperPanel } from './stepper/StepperPanel';
import { FormulaInspector } from './formula/FormulaInspector';
import { Notices } from './panels/Notices';
import { About } from './panels/About';
import { useView } from './studio/hooks';

// The window: a top bar, the palette, the canvas, and the side panels. Each piece subscribes to
// its own slice of the stores; this component only knows whether the side panels are shown.
export function App() {
  const panelsHidden = useView((s) => s.panelsHidden);
  return (
    <ReactFlowProvider>
      <div className={panelsHidden ? 'app panels-hidden' : 'app'}>
        <header className="app-top">
          <TopBar />
        </header>
        <aside className="app-left" aria-label="Palette">
          <Palette />
        </aside>
        <main className="app-canvas">
          <GraphCanvas />
          <Notices />
        </main>
        <aside className="app-right" aria-label="Side panels">
          <TrainingPanel />
          <DataPlot />
          <LossChart />
          <StepperPanel />
          <Inspector />
          <FormulaInspector />
        </aside>
      </div>
      <About />
    </ReactFlowProvider>
  );
}
