import { PlotMap } from './PlotMap';
import { PlotPoints } from './PlotPoints';
import { usePlotPointer, type PointClass } from './usePlotPointer';
import { usePlotKeys } from './usePlotKeys';

export const PLOT_SIZE = { width: 320, height: 320 };

// The plane: map canvas below, points above, pointer gestures on the container.
export function PlotArea({ chosen, discrete }: { chosen: PointClass; discrete: boolean }) {
  const handlers = usePlotPointer(PLOT_SIZE, chosen);
  const keys = usePlotKeys();
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
      <PlotMap discrete={discrete} />
      <PlotPoints size={PLOT_SIZE} />
    </div>
  );
}
