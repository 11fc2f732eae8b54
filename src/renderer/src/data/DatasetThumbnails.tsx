import { memo, useMemo } from 'react';
import { GENERATOR_KINDS, REGRESSION_KINDS, generateDataset } from '../../../engine';
import { KIND_NAMES, type DataKind } from './generatorSettings';
import { CLASS_COLOURS } from './classes';
import { valueColour, valueRange } from './colorScale';
import { plotPointOf } from './plotCoords';
import { useGenerators } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

const SIZE = 40;
const PREVIEW = { count: 80, noise: 0.05, seed: 1 };

export interface ThumbnailPoint {
  x: number;
  y: number;
  colour: string;
  /** two classes: the high (blue) one */
  high: boolean;
}

/**
 * the preview's points in the thumbnail's pixels: the set's bounding square, 3 px inside the
 * edge; coloured as the plot colours them (the spiral with `classes` arms, regression by value;
 * the 1-D function at (x, value))
 */
export function thumbnailPoints(kind: DataKind, size = SIZE, classes = 2): ThumbnailPoint[] {
  const dataset = generateDataset(kind, { ...PREVIEW, ...(kind === 'spiral' ? { classes } : {}) });
  const functionFit = dataset.features?.length === 1;
  const points = dataset.examples.map((e) => plotPointOf(e, functionFit));
  const xs = points.flatMap((p) => [p.x, p.y]);
  const lo = Math.min(...xs);
  const span = Math.max(...xs) - lo || 1;
  const px = (v: number) => 3 + ((v - lo) / span) * (size - 6);
  const range = valueRange(dataset.examples);
  const regression = dataset.problem === 'regression';
  return dataset.examples.map((e, i) => {
    const cls = e.y.length > 1 ? e.y.indexOf(1) : e.y[0] > 0.5 ? 1 : 0;
    return {
      x: px(points[i].x),
      y: size - px(points[i].y),
      colour: regression ? valueColour(e.y[0], range) : CLASS_COLOURS[cls],
      high: cls === 1,
    };
  });
}


// The data sets as small pictures of their points (as in TF Playground): one click replaces the
// data set with that one (its problem too), at the form's count, noise, seed and train ratio, as
// one undo step.
export const DatasetThumbnails = memo(function DatasetThumbnails() {
  return (
    <div className="data-thumbs-all" role="group" aria-label="Point sets">
      <ThumbnailGroup label="Classification sets" kinds={GENERATOR_KINDS} />
      <ThumbnailGroup label="Regression sets" kinds={REGRESSION_KINDS} />
    </div>
  );
});

function ThumbnailGroup({ label, kinds }: { label: string; kinds: readonly DataKind[] }) {
  const studio = useStudio();
  const classes = useGenerators((s) => s.classes);
  return (
    <div className="data-thumbs" role="group" aria-label={label}>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="data-thumb"
          aria-label={`${KIND_NAMES[kind]} points`}
          title={`${KIND_NAMES[kind]}: replace the points with this data set`}
          onClick={() => studio.generators.apply(kind)}
        >
          <Thumbnail kind={kind} classes={kind === 'spiral' ? classes : 2} />
        </button>
      ))}
    </div>
  );
}

function Thumbnail({ kind, classes }: { kind: DataKind; classes: number }) {
  const points = useMemo(() => thumbnailPoints(kind, SIZE, classes), [kind, classes]);
  return (
    <svg width={SIZE} height={SIZE} aria-hidden="true">
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={1.6} fill={p.colour} />
      ))}
    </svg>
  );
}
