import { useState } from 'react';
import { PlotArea } from './PlotArea';
import { PointCounts } from './PointCounts';
import { GeneratorControls } from './GeneratorControls';
import { CsvControls } from './CsvControls';
import { DatasetThumbnails } from './DatasetThumbnails';
import { DELETE_PX, SELECT_PX, type PointClass } from './usePlotPointer';
import './data.css';
import { Panel } from '../panels/Panel';

// The data panel: the plane with its points and the decision map behind them, the class to
// place, and the data sets as thumbnails — what stays on screen beside the network. The rest
// (how to edit points, the counts, the generator's settings, CSV) is DataTools, below it.
export function DataPlot() {
  const [chosen, setChosen] = useState<PointClass>('low');
  const [discrete, setDiscrete] = useState(false);

  return (
    <Panel id="data" title="Data" className="data-panel">
      <div className="data-toolbar">
        <div role="group" aria-label="Class of new points" className="class-picker">
          <ClassButton cls="low" chosen={chosen} onChoose={setChosen} />
          <ClassButton cls="high" chosen={chosen} onChoose={setChosen} />
        </div>
        <label className="data-check">
          <input type="checkbox" checked={discrete} onChange={(e) => setDiscrete(e.target.checked)} />
          Discretise
        </label>
      </div>
      <PlotArea chosen={chosen} discrete={discrete} />
      <p className="data-hint" id="data-plot-hint" hidden>
        Click: add a {chosen === 'low' ? 'red' : 'blue'} point · Shift-click: {chosen === 'low' ? 'blue' : 'red'} · Press within{' '}
        {SELECT_PX} px of a point: make it the example in hand, drag to move · Right-click or Ctrl/Alt-click: delete the
        nearest (within {DELETE_PX} px) · Keys: [ ] pick a point, arrows move it (Shift: farther), Delete removes it
      </p>
      <DatasetThumbnails />
    </Panel>
  );
}

/** below the plot and the loss: how to edit points, the counts, generator settings, CSV */
export function DataTools() {
  return (
    <Panel id="points" title="Points" label="Points and generators" className="data-tools">
      <p className="data-hint">
        Click the plot: add a point (Shift: the other class) · press near a point: take it in hand, drag to move ·
        right-click: delete · keys [ ] pick, arrows move, Delete removes
      </p>
      <PointCounts />
      <GeneratorControls />
      <CsvControls />
    </Panel>
  );
}

function ClassButton({ cls, chosen, onChoose }: { cls: PointClass; chosen: PointClass; onChoose: (c: PointClass) => void }) {
  const text = cls === 'low' ? 'Red (low)' : 'Blue (high)';
  return (
    <button type="button" className={`class-button class-${cls}`} aria-pressed={chosen === cls} onClick={() => onChoose(cls)}>
      <span className="class-swatch" aria-hidden="true" />
      {text}
    </button>
  );
}
