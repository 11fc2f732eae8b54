import { ReactFlowProvider } from '@xyflow/react';
import { TopBar } from './panels/TopBar';
import { ControlStrip } from './panels/ControlStrip';
import { DetailsArea } from './panels/DetailsArea';
import { Palette } from './canvas/Palette';
import { GraphCanvas } from './canvas/GraphCanvas';
import { Legend } from './canvas/Legend';
import { FirstRunHint } from './canvas/FirstRunHint';
import { DataPlot, DataSetPanel, DataTools } from './data/DataPlot';
import { TrainingPanel } from './training/TrainingPanel';
import { LossChart } from './training/LossChart';
import { Notices } from './panels/Notices';
import { About } from './panels/About';
import { ExplodeView } from './explode/ExplodeView';
import { WorksheetDialog } from './worksheet/WorksheetDialog';
import { PresentDockProvider, PresentDockSlot } from './predict/presentDock';
import { useView } from './studio/hooks';
import { LessonPanel } from './lesson/LessonPanel';
import { LessonEditor } from './lesson/LessonEditor';
import { useLesson } from './lesson/hooks';
import { hiddenAttribute } from './lesson/visibility';

// The window, one screen as in TF Playground: the file bar; the training strip (Play, speed,
// steps, readouts); the palette, the network canvas with the details tabs under it, and a right
// column whose data plot and loss chart always show (settings scroll below them). Presentation
// mode keeps the strip, the network, the plot and the loss, in larger type.
export function App() {
  const panelsHidden = useView((s) => s.panelsHidden);
  const presenting = useView((s) => s.presenting);
  const inLesson = useLesson((s) => s.lesson !== null);
  const lessonHides = useLesson(hiddenAttribute);
  const editingLesson = useLesson((s) => s.editing);
  const className = ['app', panelsHidden && 'panels-hidden', presenting && 'presenting', inLesson && 'in-lesson', editingLesson && 'editing-lesson'].filter(Boolean).join(' ');
  return (
    <ReactFlowProvider>
      <PresentDockProvider>
        <div className={className} data-lesson-hide={lessonHides || undefined}>
          <header className="app-top">
            <TopBar />
          </header>
          <div className="app-strip">
            <ControlStrip />
          </div>
          <aside className="app-left" aria-label={inLesson ? 'Lesson and palette' : 'Palette'}>
            <LessonPanel />
            <LessonEditor />
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
            <DataSetPanel />
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
