import { memo, useMemo } from 'react';
import { GENERATOR_KINDS, generate, type GeneratorKind } from '../../../engine';
import { KIND_NAMES } from './generatorSettings';
import { useStudio } from '../studio/StudioContext';

const SIZE = 40;
const PREVIEW = { count: 80, noise: 0.05, seed: 1 };

/** the preview's points in the thumbnail's pixels: the set's bounding square, 3 px inside the edge */
export function thumbnailPoints(kind: GeneratorKind, size = SIZE): { x: number; y: number; high: boolean }[] {
  const examples = generate(kind, PREVIEW);
  const xs = examples.flatMap((e) => [e.x[0], e.x[1]]);
  const lo = Math.min(...xs);
  const span = Math.max(...xs) - lo || 1;
  const px = (v: number) => 3 + ((v - lo) / span) * (size - 6);
  return examples.map((e) => ({ x: px(e.x[0]), y: size - px(e.x[1]), high: e.y[0] > 0.5 }));
}

// The data sets as small pictures of their points (as in TF Playground): one click replaces the
// points with that set, at the Generate form's count, noise and seed.
export const DatasetThumbnails = memo(function DatasetThumbnails() {
  const studio = useStudio();
  return (
    <div className="data-thumbs" role="group" aria-label="Point sets">
      {GENERATOR_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="data-thumb"
          aria-label={`${KIND_NAMES[kind]} points`}
          title={`${KIND_NAMES[kind]}: replace the points with this data set`}
          onClick={() => studio.generators.apply(kind)}
        >
          <Thumbnail kind={kind} />
        </button>
      ))}
    </div>
  );
});

function Thumbnail({ kind }: { kind: GeneratorKind }) {
  const points = useMemo(() => thumbnailPoints(kind), [kind]);
  return (
    <svg width={SIZE} height={SIZE} aria-hidden="true">
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={1.6} className={p.high ? 'point-high' : 'point-low'} />
      ))}
    </svg>
  );
}
