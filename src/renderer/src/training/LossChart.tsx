import { useState, type PointerEvent } from 'react';
import { linePath, nearestByEpoch, scales, type ChartBox } from './chartGeometry';
import { percent, short, tick } from './format';
import type { HistoryPoint } from './protocol';
import './training.css';
import { Panel } from '../panels/Panel';
import { useTraining } from '../studio/hooks';

const WIDTH = 330;
const HEIGHT = 124;
const BOX: ChartBox = { left: 46, top: 8, width: WIDTH - 46 - 34, height: HEIGHT - 8 - 22 };

// E per epoch (left axis, linear or log) and accuracy (right axis, 0–100 %); hovering shows the
// exact values of the nearest recorded epoch.
export function LossChart() {
  const history = useTraining((s) => s.history);
  const [log, setLog] = useState(true);
  const [hover, setHover] = useState<HistoryPoint | null>(null);
  const sc = scales(history, BOX, log);

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (history.length === 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const first = history[0].epoch;
    const last = Math.max(history[history.length - 1].epoch, first + 1);
    const epoch = first + ((e.clientX - rect.left - BOX.left) / BOX.width) * (last - first);
    setHover(nearestByEpoch(history, epoch));
  };

  return (
    <Panel
      id="loss"
      title="Loss"
      label="Loss chart"
      className="loss-panel"
      extra={
        <label className="loss-log">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale
        </label>
      }
    >
      <svg
        width={WIDTH}
        height={HEIGHT}
        className="loss-chart"
        role="img"
        aria-label={history.length ? `E and accuracy over ${history.length} recorded epochs` : 'no training yet'}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <rect x={BOX.left} y={BOX.top} width={BOX.width} height={BOX.height} className="loss-frame" />
        <text x={BOX.left - 4} y={BOX.top + 9} className="loss-tick" textAnchor="end">{tick(sc.errorMax)}</text>
        <text x={BOX.left - 4} y={BOX.top + BOX.height} className="loss-tick" textAnchor="end">{tick(sc.errorMin)}</text>
        <text x={BOX.left + BOX.width + 4} y={BOX.top + 9} className="loss-tick loss-acc-tick">100%</text>
        <text x={BOX.left + BOX.width + 4} y={BOX.top + BOX.height} className="loss-tick loss-acc-tick">0%</text>
        <text x={BOX.left} y={HEIGHT - 6} className="loss-tick">epoch {history[0]?.epoch ?? 0}</text>
        <text x={BOX.left + BOX.width} y={HEIGHT - 6} className="loss-tick" textAnchor="end">{history.at(-1)?.epoch ?? ''}</text>
        <path d={linePath(history, (p) => sc.x(p.epoch), (p) => sc.yAccuracy(p.accuracy))} className="loss-accuracy" />
        <path d={linePath(history, (p) => sc.x(p.epoch), (p) => sc.yError(p.error))} className="loss-error" />
        {hover && <line x1={sc.x(hover.epoch)} x2={sc.x(hover.epoch)} y1={BOX.top} y2={BOX.top + BOX.height} className="loss-cursor" />}
      </svg>
      <p className="loss-legend">
        <span className="loss-key-error">— E</span> <span className="loss-key-accuracy">- - accuracy</span>
        {hover && (
          <span className="loss-hover" data-testid="loss-hover" title={`E = ${String(hover.error)}, accuracy = ${String(hover.accuracy)}`}>
            {' '}
            epoch {hover.epoch}: E = {short(hover.error)}, accuracy = {percent(hover.accuracy)}
          </span>
        )}
      </p>
    </Panel>
  );
}
