import { describe, expect, it } from 'vitest';
import { docWriteInterval } from '../../../src/renderer/src/training/docWritePace';

describe('how often running weights go into the document', () => {
  it('every snapshot when a write is cheap (small graphs follow training exactly)', () => {
    expect(docWriteInterval(0)).toBe(0);
    expect(docWriteInterval(1.5)).toBe(0);
  });

  it('a multiple of a costly write’s time, at most a second', () => {
    expect(docWriteInterval(5)).toBeGreaterThanOrEqual(100);
    expect(docWriteInterval(5)).toBeLessThan(1000);
    expect(docWriteInterval(400)).toBe(1000);
  });
});
