import { describe, expect, it } from 'vitest';
import { GRID } from '../../../src/renderer/src/data/maps';
import { MapResolution, TRAINING_GRIDS, TRAINING_PASS_MS } from '../../../src/renderer/src/data/mapResolution';

describe('MapResolution', () => {
  it('keeps the full grid while paused, whatever a pass costs', () => {
    const r = new MapResolution();
    r.observe(GRID * GRID, 300);
    expect(r.grid(false)).toBe(GRID);
  });

  it('keeps the full grid for a small net while training (the tutorial 2-5-1: under a millisecond a pass)', () => {
    const r = new MapResolution();
    r.observe(GRID * GRID, 0.7);
    expect(r.grid(true)).toBe(GRID);
  });

  it('gives a big net while training the finest grid whose pass fits the budget', () => {
    const r = new MapResolution();
    r.observe(GRID * GRID, 30); // the 200-neuron DAG: 3 µs a cell
    const g = r.grid(true);
    expect(g * g * 0.003).toBeLessThanOrEqual(TRAINING_PASS_MS);
    const finer = TRAINING_GRIDS[TRAINING_GRIDS.indexOf(g) - 1];
    expect(finer * finer * 0.003).toBeGreaterThan(TRAINING_PASS_MS);
    expect(g).toBe(50);
  });

  it('keeps its grid while a busy machine makes the passes’ time vary twice over (each change resizes every thumbnail)', () => {
    const r = new MapResolution();
    r.observe(GRID * GRID, 30);
    const chosen = r.grid(true);
    const perCell = 0.003;
    const grids = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const ms = chosen * chosen * perCell * (i % 7 < 3 ? 0.7 : 1.4); // a pass now quick, now slow
      r.observe(chosen * chosen, ms);
      grids.add(r.grid(true));
    }
    expect([...grids]).toEqual([chosen]);
  });

  it('still steps to a coarser grid when passes get much slower, and back when they get much quicker', () => {
    const r = new MapResolution();
    r.observe(GRID * GRID, 30);
    const chosen = r.grid(true);
    for (let i = 0; i < 30; i++) r.observe(chosen * chosen, 3 * TRAINING_PASS_MS);
    const coarser = r.grid(true);
    expect(coarser).toBeLessThan(chosen);
    for (let i = 0; i < 30; i++) r.observe(coarser * coarser, 0.1 * TRAINING_PASS_MS);
    expect(r.grid(true)).toBeGreaterThan(coarser);
  });

  it('chooses afresh after a pause', () => {
    const running = new MapResolution();
    const paused = new MapResolution();
    for (const r of [running, paused]) {
      r.observe(GRID * GRID, 30);
      expect(r.grid(true)).toBe(50);
    }
    expect(paused.grid(false)).toBe(GRID);
    // passes get quicker: 64² now fits the budget, but not by the margin that moves a grid in use
    for (const r of [running, paused]) for (let i = 0; i < 5; i++) r.observe(GRID * GRID, 14);
    expect(running.grid(true)).toBe(50);
    expect(paused.grid(true)).toBe(64);
  });

  it('never goes below the coarsest grid, follows new measurements, and forgets them for a new net', () => {
    const r = new MapResolution();
    r.observe(100, 1000);
    expect(r.grid(true)).toBe(TRAINING_GRIDS.at(-1));
    for (let i = 0; i < 30; i++) r.observe(2500, 0.5); // the net got cheap (fewer edges)
    expect(r.grid(true)).toBe(GRID);
    r.observe(GRID * GRID, 300);
    r.reset();
    expect(r.grid(true)).toBe(GRID);
  });
});
