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

// The window: a top bar, the palette, the canvas, and the side panels. Each piece subscribes to
// its own slice of the stores; this component holds no state.
export function App() {
  return (
    <ReactFlowProvider>
      <div className="app">
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
    </ReactFlowProvider>
  );
}
