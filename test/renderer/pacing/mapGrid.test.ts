import { describe, expect, it } from 'vitest';
import { GRID } from '../../../src/renderer/src/data/maps';
import { MapGrid } from '../../../src/renderer/src/pacing/mapGrid';
import { MAP_GRID } from '../../../src/renderer/src/pacing/constants';

const TRAINING_GRIDS = MAP_GRID.grids;
const TRAINING_PASS_MS = MAP_GRID.passMs;

describe('the map grid (e)', () => {
  it('keeps the full grid while paused, whatever a pass costs', () => {
    const r = new MapGrid();
    r.observe(300, GRID * GRID);
    expect(r.nextGrid(false)).toBe(GRID);
  });

  it('keeps the full grid for a small net while training (the tutorial 2-5-1: under a millisecond a pass)', () => {
    const r = new MapGrid();
    r.observe(0.7, GRID * GRID);
    expect(r.nextGrid(true)).toBe(GRID);
  });

  it('gives a big net while training the finest grid whose pass fits the budget', () => {
    const r = new MapGrid();
    r.observe(30, GRID * GRID); // the 200-neuron DAG: 3 µs a cell
    const g = r.nextGrid(true);
    expect(g * g * 0.003).toBeLessThanOrEqual(TRAINING_PASS_MS);
    const finer = TRAINING_GRIDS[TRAINING_GRIDS.indexOf(g) - 1];
    expect(finer * finer * 0.003).toBeGreaterThan(TRAINING_PASS_MS);
    expect(g).toBe(50);
  });

  it('keeps its grid while a busy machine makes the passes’ time vary twice over (each change resizes every thumbnail)', () => {
    const r = new MapGrid();
    r.observe(30, GRID * GRID);
    const chosen = r.nextGrid(true);
    const perCell = 0.003;
    const grids = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const ms = chosen * chosen * perCell * (i % 7 < 3 ? 0.7 : 1.4); // a pass now quick, now slow
      r.observe(ms, chosen * chosen);
      grids.add(r.nextGrid(true));
    }
    expect([...grids]).toEqual([chosen]);
  });

  it('still steps to a coarser grid when passes get much slower, and back when they get much quicker', () => {
    const r = new MapGrid();
    r.observe(30, GRID * GRID);
    const chosen = r.nextGrid(true);
    for (let i = 0; i < 30; i++) r.observe(3 * TRAINING_PASS_MS, chosen * chosen);
    const coarser = r.nextGrid(true);
    expect(coarser).toBeLessThan(chosen);
    for (let i = 0; i < 30; i++) r.observe(0.1 * TRAINING_PASS_MS, coarser * coarser);
    expect(r.nextGrid(true)).toBeGreaterThan(coarser);
  });

  it('chooses afresh after a pause', () => {
    const running = new MapGrid();
    const paused = new MapGrid();
    for (const r of [running, paused]) {
      r.observe(30, GRID * GRID);
      expect(r.nextGrid(true)).toBe(50);
    }
    expect(paused.nextGrid(false)).toBe(GRID);
    // passes get quicker: 64² now fits the budget, but not by the margin that moves a grid in use
    for (const r of [running, paused]) for (let i = 0; i < 5; i++) r.observe(14, GRID * GRID);
    expect(running.nextGrid(true)).toBe(50);
    expect(paused.nextGrid(true)).toBe(64);
  });

  it('never goes below the coarsest grid, follows new measurements, and forgets them for a new net', () => {
    const r = new MapGrid();
    r.observe(1000, 100);
    expect(r.nextGrid(true)).toBe(TRAINING_GRIDS.at(-1));
    for (let i = 0; i < 30; i++) r.observe(0.5, 2500); // the net got cheap (fewer edges)
    expect(r.nextGrid(true)).toBe(GRID);
    r.observe(300, GRID * GRID);
    r.reset();
    expect(r.nextGrid(true)).toBe(GRID);
  });
  it('holds a grid within its band: coarser only past stayUnder budgets, finer only when the finer fits refineUnder', () => {
    const settle = (r: MapGrid, msPerCell: number) => {
      for (let i = 0; i < 200; i++) r.observe(msPerCell * 2500, 2500);
    };
    const at50 = () => {
      const r = new MapGrid();
      r.observe(30, GRID * GRID);
      expect(r.nextGrid(true)).toBe(50);
      return r;
    };
    // 50² cells: 1.5 budgets (12 ms) is 0.0048 ms a cell; 64²: 0.8 budgets (6.4 ms) is 0.0015625
    const slower = at50();
    settle(slower, 0.0047);
    expect(slower.nextGrid(true)).toBe(50);
    settle(slower, 0.0049);
    expect(slower.nextGrid(true)).toBe(40);
    const quicker = at50();
    settle(quicker, 0.0016);
    expect(quicker.nextGrid(true)).toBe(50);
    settle(quicker, 0.0015);
    expect(quicker.nextGrid(true)).toBe(64);
  });
});
