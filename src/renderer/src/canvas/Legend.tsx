import { memo, type ReactNode } from 'react';
import { useGuide } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// What a node and an edge show, in one line above the canvas (so it never covers a node), until
// the person dismisses it (remembered); the "?" button brings it back.
export const Legend = memo(function Legend() {
  const studio = useStudio();
  const shown = useGuide((s) => s.legend);
  if (!shown) {
    return (
      <button type="button" className="legend-show" aria-label="Show the legend" title="What the numbers and colours mean" onClick={studio.guide.showLegend}>
        ?
      </button>
    );
  }
  return (
    <aside className="legend" aria-label="Legend">
      <dl>
        <Item term={<i>s</i>} text="weighted input Σ z·w" />
        <Item term={<i>z</i>} text="output, σ(s)" />
        <Item term={<i>∂h/∂s</i>} text="how the output h moves with s" />
        <Item
          term={
            <>
              <span className="legend-edge legend-pos" />
              <span className="legend-edge legend-neg" />
            </>
          }
          text="edge colour: blue weight +, orange −"
        />
        <Item
          term={
            <>
              <span className="legend-edge legend-thin" />
              <span className="legend-edge legend-thick" />
            </>
          }
          text="edge width: |w|"
        />
        <Item term={<span className="legend-thumb" />} text="thumbnail: z over the plane" />
      </dl>
      <button type="button" className="legend-close" aria-label="Dismiss the legend" title="Hide the legend (the ? button brings it back)" onClick={studio.guide.dismissLegend}>
        ×
      </button>
    </aside>
  );
});

function Item({ term, text }: { term: ReactNode; text: string }) {
  return (
    <div className="legend-item">
      <dt>{term}</dt>
      <dd>{text}</dd>
    </div>
  );
}
