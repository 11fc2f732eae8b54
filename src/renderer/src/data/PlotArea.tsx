import { PlotMap } from './PlotMap';
import { PlotPoints } from './PlotPoints';
import { usePlotPointer } from './usePlotPointer';
import { usePlotKeys } from './usePlotKeys';
import type { Brush } from './brush';

export const PLOT_SIZE = { width: 320, height: 320 };

// The plane: map canvas below, points above, pointer gestures and keys on the container.
export function PlotArea({ brush, chooseClass }: { brush: Brush; chooseClass: (cls: number) => void }) {
  const handlers = usePlotPointer(PLOT_SIZE, brush);
  const keys = usePlotKeys(chooseClass);
  return (
    <div
      className="plot"
      style={PLOT_SIZE}
      data-testid="data-plot"
      role="group"
      aria-label="Plot of the points"
      aria-describedby="data-plot-hint"
      tabIndex={0}
      {...handlers}
      {...keys}
    >
      <PlotMap />
      <PlotPoints size={PLOT_SIZE} />
    </div>
  );
}
