import { useState } from 'react';
import { PlotArea } from './PlotArea';
import { PointCounts } from './PointCounts';
import { GeneratorControls } from './GeneratorControls';
import { CsvControls } from './CsvControls';
import { DatasetThumbnails } from './DatasetThumbnails';
import { DataSliders } from './DataSliders';
import { PlotToggles, ProblemBar } from './ProblemBar';
import { ClassPicker, ValueBrush } from './ClassPicker';
import { ClassOutputsIssue } from './ClassOutputsIssue';
import { PointInHand } from './PointInHand';
import { DEFAULT_BRUSH, type Brush } from './brush';
import { DELETE_PX, SELECT_PX } from './usePlotPointer';
import { problemOf } from '../../../engine/format/types';
import { useDocument } from '../studio/hooks';
import './data.css';
import { Panel } from '../panels/Panel';

// The data panel: the problem (classification with k classes, or regression), the plane with
// its points and the map behind them, the class or value to place, the noise and train/test
// sliders and the data sets as thumbnails — what stays on screen beside the network. The rest
// (how to edit points, the counts, the generator's settings, CSV) is DataTools, below it.
export function DataPlot() {
  const [brush, setBrush] = useState<Brush>(DEFAULT_BRUSH);
  const regression = useDocument((s) => problemOf(s.doc.dataset) === 'regression');
  const chooseClass = (cls: number) => setBrush((b) => ({ ...b, cls }));

  return (
    <Panel id="data" title="Data" className="data-panel">
      <div className="data-toolbar">
        {regression ? <ValueBrush brush={brush} onChange={setBrush} /> : <ClassPicker chosen={brush.cls} onChoose={chooseClass} />}
      </div>
      <PlotToggles />
      <PlotArea brush={brush} chooseClass={chooseClass} />
      <p className="data-hint" id="data-plot-hint" hidden>
        Click: add a point {regression ? 'of the chosen value' : 'of the chosen class'} · Shift-click: {regression ? 'the same' : 'the other (next) class'} ·
        Press within {SELECT_PX} px of a point: make it the example in hand, drag to move · Right-click or Ctrl/Alt-click: delete the
        nearest (within {DELETE_PX} px) · Keys: 1…6 choose the class, [ ] pick a point, arrows move it (Shift: farther), T marks it
        test or training, Delete removes it
      </p>
      <PointInHand />
      <ClassOutputsIssue />
    </Panel>
  );
}

/**
 * which data set: the thumbnails (one click applies one), the problem and the classes, noise and
 * the train/test split — under the loss chart, so the plot and the loss share a 1280×720 screen
 */
export function DataSetPanel() {
  return (
    <Panel id="dataset" title="Choose data" className="dataset-panel">
      <DatasetThumbnails />
      <ProblemBar />
      <DataSliders />
    </Panel>
  );
}

/** below the plot and the loss: how to edit points, the counts, generator settings, CSV */
export function DataTools() {
  return (
    <Panel id="points" title="Points" label="Points and generators" className="data-tools">
      <p className="data-hint">
        Click the plot: add a point (Shift: the other class) · press near a point: take it in hand, drag to move ·
        right-click: delete · keys 1…6 class, [ ] pick, arrows move, T test/training, Delete removes
      </p>
      <PointCounts />
      <GeneratorControls />
      <CsvControls />
    </Panel>
  );
}
