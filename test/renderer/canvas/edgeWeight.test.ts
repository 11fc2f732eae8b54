import { describe, expect, it } from 'vitest';
import { edgeStroke, strokeBucket } from '../../../src/renderer/src/canvas/edges/WeightEdge';
import { snap } from '../../../src/renderer/src/canvas/edges/edgeCurve';
import { createEdgeIndex } from '../../../src/renderer/src/canvas/edges/edgeIndex';
import type { GraphEdge } from '../../../src/engine/format/types';

describe('edge stroke buckets (an edge re-renders only when its bucket changes)', () => {
  it('carries the sign and the width to a quarter pixel', () => {
    for (const w of [-3.2, -0.41, -1e-9, 0, 0.013, 0.5, 1.9, 12]) {
      const bucket = strokeBucket(w);
      expect(Math.sign(bucket)).toBe(w < 0 ? -1 : 1);
      expect(Math.abs(Math.abs(bucket) - edgeStroke(w).strokeWidth)).toBeLessThanOrEqual(0.125);
    }
  });

  it('does not change for a tiny training step, and does for a visible one', () => {
    expect(strokeBucket(0.5)).toBe(strokeBucket(0.5001));
    expect(strokeBucket(0.5)).not.toBe(strokeBucket(0.7));
    expect(strokeBucket(0.01)).not.toBe(strokeBucket(-0.01));
  });
});

describe('the edge index', () => {
  it('finds an edge’s weight by id, and 0 for an edge that is gone', () => {
    const { weightOf } = createEdgeIndex();
    const edges: GraphEdge[] = [
      { id: 'a', source: 'in_1', target: '1', weight: 0.25 },
      { id: 'b', source: 'in_x', target: '1', weight: -1.5 },
    ];
    expect(weightOf(edges, 'b')).toBe(-1.5);
    expect(weightOf(edges, 'a')).toBe(0.25);
    expect(weightOf(edges, 'zz')).toBe(0);
    const next = edges.map((e) => (e.id === 'b' ? { ...e, weight: 2 } : e));
    expect(weightOf(next, 'b')).toBe(2);
  });
});

describe('curve ends', () => {
  it('stay put when a node re-measures by hundredths of a pixel (seen while training), and follow a real move', () => {
    expect(snap(413.9533)).toBe(snap(413.9376));
    expect(snap(1247.54683)).toBe(snap(1247.546951));
    expect(snap(414)).not.toBe(snap(421));
    expect(Math.abs(snap(97.3) - 97.3)).toBeLessThanOrEqual(0.125);
  });
});
