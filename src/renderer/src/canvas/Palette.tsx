import { memo, useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_DRAG_MIME } from './flowTypes';
import { BIAS_ITEM, addNodeAt, encodeSpec, inputItems, neuronItems, type NodeSpec, type SpecItem } from './nodeSpecs';
import { TemplateMenu } from '../templates/TemplateMenu';
import './canvas.css';
import { useDocument } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// The palette: drag an item onto the canvas, or click it to add at the centre of the view.
// Neurons by activation (σ in the title), then the inputs: TF Playground's derived features.
export const Palette = memo(function Palette() {
  const studio = useStudio();
  const features = useDocument((s) => s.doc.dataset.features);
  const autoBias = useDocument((s) => s.autoBias);
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = useCallback(
    (spec: NodeSpec) => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const x = pane ? pane.left + pane.width / 2 : window.innerWidth / 2;
      const y = pane ? pane.top + pane.height / 2 : window.innerHeight / 2;
      addNodeAt(studio, spec, screenToFlowPosition({ x, y }));
    },
    [studio, screenToFlowPosition],
  );

  const onDragStart = (e: DragEvent, spec: NodeSpec) => {
    e.dataTransfer.setData(NODE_DRAG_MIME, encodeSpec(spec));
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div className="palette">
      <section className="panel">
        <h2>Add</h2>
        <div className="palette-items">
          {neuronItems().map((item) => (
            <PaletteItem key={item.name} item={item} onAdd={addAtCentre} onDragStart={onDragStart} />
          ))}
        </div>
        <h3 className="palette-group">Inputs · derived features</h3>
        <div className="palette-items palette-inputs" role="group" aria-label="Derived inputs">
          {inputItems(features).map((item) => (
            <PaletteItem key={item.name} item={item} onAdd={addAtCentre} onDragStart={onDragStart} />
          ))}
        </div>
        <div className="palette-items palette-bias-row">
          <PaletteItem item={BIAS_ITEM} onAdd={addAtCentre} onDragStart={onDragStart} />
        </div>
        <label className="palette-option">
          <input type="checkbox" checked={autoBias} onChange={(e) => studio.document.setAutoBias(e.target.checked)} />
          Wire bias into new neurons
        </label>
      </section>
      <section className="panel">
        <h2>Arrange</h2>
        <div className="palette-items">
          <button type="button" className="palette-item" onClick={() => void studio.commands.run('view.layout')}>
            Auto layout
          </button>
          <button type="button" className="palette-item" onClick={() => void studio.commands.run('view.fit')}>
            Fit view
          </button>
        </div>
      </section>
      <TemplateMenu />
    </div>
  );
});

function PaletteItem({ item, onAdd, onDragStart }: { item: SpecItem; onAdd: (spec: NodeSpec) => void; onDragStart: (e: DragEvent, spec: NodeSpec) => void }) {
  return (
    <button
      type="button"
      className={`palette-item palette-${item.spec.type}`}
      draggable
      aria-label={item.name}
      title={`${item.detail}. Drag onto the canvas, or click to add at the centre.`}
      onDragStart={(e) => onDragStart(e, item.spec)}
      onClick={() => onAdd(item.spec)}
    >
      {item.text}
    </button>
  );
}
