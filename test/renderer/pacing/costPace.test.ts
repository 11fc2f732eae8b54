import { describe, expect, it } from 'vitest';
import { createDocWritePace, createRefreshPace, createStrokePace } from '../../../src/renderer/src/pacing/costPace';
import { DOC_WRITE, REFRESH, STROKES } from '../../../src/renderer/src/pacing/constants';

describe('document writes while training (b)', () => {
  it('every snapshot while a write is cheap (small graphs follow training exactly)', () => {
    const pace = createDocWritePace();
    expect(pace.wait(0)).toBe(0); // nothing written yet
    pace.ran(100);
    pace.observe(1.5);
    expect(pace.wait(100)).toBe(0);
  });

  it('a costly write waits 40 times its cost from when it ran, and the first cost at the boundary already counts', () => {
    const pace = createDocWritePace();
    pace.ran(1000);
    pace.observe(DOC_WRITE.cheapMs); // 2 ms: no longer cheap
    expect(pace.wait(1000)).toBe(80);
    pace.observe(5);
    expect(pace.wait(1000)).toBe(200);
    expect(pace.wait(1199)).toBe(1);
    expect(pace.wait(1200)).toBe(0);
    expect(pace.wait(5000)).toBe(0);
  });

  it('never more than a second behind, however slow a write', () => {
    const pace = createDocWritePace();
    pace.ran(0);
    pace.observe(400);
    expect(pace.wait(0)).toBe(DOC_WRITE.maxMs);
  });

  it('follows the last write’s cost alone, and a new document writes at once', () => {
    const pace = createDocWritePace();
    pace.ran(0);
    pace.observe(400);
    pace.observe(1);
    expect(pace.wait(0)).toBe(0);
    pace.observe(10);
    pace.forgetLastRun();
    expect(pace.wait(1)).toBe(0);
    pace.ran(1);
    expect(pace.wait(1)).toBe(400); // the cost is still known
    pace.reset();
    pace.ran(1);
    expect(pace.wait(1)).toBe(0);
  });
});

describe('a big graph’s strokes (c)', () => {
  const settle = (pace: ReturnType<typeof createStrokePace>, ms: number) => {
    for (let i = 0; i < 60; i++) pace.observe(ms);
  };

  it('wait at least STROKES.minMs even when a repaint is cheap', () => {
    const pace = createStrokePace();
    settle(pace, 2);
    pace.ran(0);
    expect(pace.wait(0)).toBe(STROKES.minMs);
    expect(pace.wait(STROKES.minMs - 1)).toBe(1);
    expect(pace.wait(STROKES.minMs)).toBe(0);
  });

  it('wait longer when repainting the edge canvas costs a frame and more, at most STROKES.maxMs', () => {
    const pace = createStrokePace();
    settle(pace, 30); // 2,000 curves rasterised in software
    expect(pace.gap()).toBeCloseTo(1200, 3); // 40 × 30 ms
    pace.ran(10_000);
    expect(pace.wait(10_000 + 2 * STROKES.minMs)).toBeGreaterThan(0);
    expect(pace.wait(10_000 + pace.gap())).toBe(0);
    settle(pace, 1000);
    expect(pace.gap()).toBe(STROKES.maxMs);
  });

  it('one slow repaint does not slow the strokes at once (the average starts at zero)', () => {
    const pace = createStrokePace();
    pace.observe(30);
    expect(pace.gap()).toBe(STROKES.minMs); // 0.3 × 30 = 9 ms: 360 ms, raised to the floor
    pace.observe(-5); // a clock that went back is no measurement
    expect(pace.gap()).toBe(STROKES.minMs);
  });

  it('follow at once before the first stroke and after a new set of edges', () => {
    const pace = createStrokePace();
    expect(pace.wait(0)).toBe(0);
    settle(pace, 30);
    pace.ran(0);
    pace.forgetLastRun();
    expect(pace.wait(0)).toBe(0);
  });
});

describe('the nodes’ numbers while training (d)', () => {
  it('every snapshot when a refresh costs under 2 ms, else 12 times its cost up to a quarter second', () => {
    const pace = createRefreshPace();
    pace.ran(0);
    pace.observe(0.5);
    expect(pace.wait(0)).toBe(0);
    pace.observe(REFRESH.cheapMs);
    expect(pace.wait(0)).toBe(24);
    pace.observe(5);
    expect(pace.wait(0)).toBe(60);
    expect(pace.wait(60)).toBe(0);
    pace.observe(100);
    expect(pace.wait(0)).toBe(REFRESH.maxMs);
  });
});
