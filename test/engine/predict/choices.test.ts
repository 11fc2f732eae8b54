import { describe, expect, it } from 'vitest';
import { agrees, choicesFor, diagnose } from '../../../src/engine/predict';
import { skipDag, tutorial, worked } from './nets';

describe('three choices per quantity', () => {
  it.each([
    ['2-5-1', tutorial],
    ['skip DAG', skipDag],
  ])('%s: exactly one is right, the three are distinct, the same every time, the right one not always first', (_, make) => {
    const positions = new Set<number>();
    for (const q of worked(make()).all) {
      const c = choicesFor(q);
      expect(c).toHaveLength(3);
      expect(c.filter((v) => agrees(q, v, q.value))).toHaveLength(1);
      expect(agrees(q, c[0], c[1]) || agrees(q, c[1], c[2]) || agrees(q, c[0], c[2])).toBe(false);
      expect(choicesFor(q)).toEqual(c);
      positions.add(c.findIndex((v) => v === q.value));
    }
    expect(positions.size).toBe(3);
  });

  it('a wrong choice is one of the slips, so picking it gets its diagnosis', () => {
    const { all } = worked(tutorial());
    const q = all.find((x) => x.key === 'dEds:6')!;
    const wrong = choicesFor(q).filter((v) => v !== q.value);
    for (const v of wrong) expect(diagnose(q, v).kind).toBe('mistake');
  });
});
