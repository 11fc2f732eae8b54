import { memo } from 'react';
import { useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// What a drag on the empty canvas does: pan (the wheel zooms, Shift+drag draws a selection box)
// or select (a box; the wheel pans, Ctrl+wheel zooms). Remembered.
export const PanModeToggle = memo(function PanModeToggle() {
  const studio = useStudio();
  const dragPans = useView((s) => s.dragPans);
  return (
    <div className="pan-mode" role="group" aria-label="Drag on the canvas">
      <span className="pan-mode-label">Drag:</span>
      <button type="button" aria-pressed={dragPans} title="Drag pans the canvas, the wheel zooms, Shift+drag selects" onClick={() => studio.view.setDragPans(true)}>
        Pan
      </button>
      <button type="button" aria-pressed={!dragPans} title="Drag draws a selection box, the wheel pans, Ctrl+wheel zooms" onClick={() => studio.view.setDragPans(false)}>
        Select
      </button>
    </div>
  );
});
