import { useState, type PointerEvent } from 'react';
import { linePath, nearestByEpoch, scales, type ChartBox } from './chartGeometry';
import { chartSeries, errorAxisValues, type Series } from './chartSeries';
import { problemOf } from '../../../engine/format/types';
import { percent, short, tick } from './format';
import type { HistoryPoint } from './protocol';
import './training.css';
import { Panel } from '../panels/Panel';
import { useDocument, useTraining } from '../studio/hooks';

const WIDTH = 330;
const HEIGHT = 124;
const BOX: ChartBox = { left: 46, top: 8, width: WIDTH - 46 - 34, height: HEIGHT - 8 - 22 };

/** "a, b and c" */
const listed = (words: readonly string[]): string => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** the hover line's words for one point: each curve's value */
function hoverText(p: HistoryPoint, series: readonly Series[]): string {
  return series
    .map((s) => {
      const v = s.value(p);
      return v === undefined ? null : `${s.label} = ${s.axis === 'accuracy' ? percent(v) : short(v)}`;
    })
    .filter((t) => t !== null)
    .join(', ');
}

// E per epoch (left axis, linear or log) and accuracy (right axis, 0–100 %) — with test examples
// the training and the test curves of each (chartSeries.ts); hovering shows the exact values of
// the nearest recorded epoch.
export function LossChart() {
  const history = useTraining((s) => s.history);
  const regression = useDocument((s) => problemOf(s.doc.dataset) === 'regression');
  const [log, setLog] = useState(true);
  const [hover, setHover] = useState<HistoryPoint | null>(null);
  const series = chartSeries(history, regression);
  const sc = scales(history, BOX, log, errorAxisValues(history, series));
  const y = (s: Series) => (p: HistoryPoint) => {
    const v = s.value(p);
    return v === undefined ? NaN : s.axis === 'error' ? sc.yError(v) : sc.yAccuracy(v);
  };

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
        aria-label={history.length ? `${listed(series.map((c) => c.label))} over ${history.length} recorded epochs` : 'no training yet'}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <rect x={BOX.left} y={BOX.top} width={BOX.width} height={BOX.height} className="loss-frame" />
        <text x={BOX.left - 4} y={BOX.top + 9} className="loss-tick" textAnchor="end">{tick(sc.errorMax)}</text>
        <text x={BOX.left - 4} y={BOX.top + BOX.height} className="loss-tick" textAnchor="end">{tick(sc.errorMin)}</text>
        {series.some((c) => c.axis === 'accuracy') && (
          <>
            <text x={BOX.left + BOX.width + 4} y={BOX.top + 9} className="loss-tick loss-acc-tick">100%</text>
            <text x={BOX.left + BOX.width + 4} y={BOX.top + BOX.height} className="loss-tick loss-acc-tick">0%</text>
          </>
        )}
        <text x={BOX.left} y={HEIGHT - 6} className="loss-tick">epoch {history[0]?.epoch ?? 0}</text>
        <text x={BOX.left + BOX.width} y={HEIGHT - 6} className="loss-tick" textAnchor="end">{history.at(-1)?.epoch ?? ''}</text>
        {series.map((c) => (
          <path key={c.key} d={linePath(history, (p) => sc.x(p.epoch), y(c))} className={`loss-line loss-${c.key}`} data-series={c.key} />
        ))}
        {hover && <line x1={sc.x(hover.epoch)} x2={sc.x(hover.epoch)} y1={BOX.top} y2={BOX.top + BOX.height} className="loss-cursor" />}
      </svg>
      <p className="loss-legend" aria-label="Legend">
        {series.map((c) => (
          <span key={c.key} className={`loss-key loss-key-${c.key}`} data-testid={`legend-${c.key}`}>
            {c.axis === 'accuracy' ? '- - ' : '— '}
            {c.label}
          </span>
        ))}
        {hover && (
          <span className="loss-hover" data-testid="loss-hover" title={hoverText(hover, series)}>
            epoch {hover.epoch}: {hoverText(hover, series)}
          </span>
        )}
      </p>
    </Panel>
  );
}
