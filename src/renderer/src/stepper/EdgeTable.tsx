import { memo } from 'react';
import type { NetValues } from '../formula/values';
import { readable } from '../format/number';

// Per-edge numbers of the step in hand (gradients, running sums, the update), one row per edge.
// Each cell shows the page's number format (format/number.ts); its title and data-value carry the float64 in full.

const MAX_ROWS = 80;

export interface Column {
  key: string;
  header: string;
  value: (edgeId: string) => number;
}


function nameOf(values: NetValues, edgeId: string): string {
  const e = values.edges[edgeId];
  return `${values.nodes[e.source].label} → ${values.nodes[e.target].label}`;
}

export const EdgeTable = memo(function EdgeTable({
  values,
  edges,
  columns,
  caption,
}: {
  values: NetValues;
  edges: readonly string[];
  columns: readonly Column[];
  caption: string;
}) {
  const shown = edges.slice(0, MAX_ROWS);
  return (
    <div className="stepper-table-wrap">
      <table className="stepper-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">edge</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((id) => (
            <tr key={id} data-edge-id={id}>
              <th scope="row">{nameOf(values, id)}</th>
              {columns.map((c) => {
                const v = c.value(id);
                return (
                  <td key={c.key} data-quantity={c.key} data-value={String(v)} title={String(v)}>
                    {readable(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {edges.length > shown.length && <p className="stepper-hint">and {edges.length - shown.length} more edges</p>}
    </div>
  );
});
