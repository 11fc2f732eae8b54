import { describe, expect, it } from 'vitest';
import { isReadable } from '../../../src/renderer/src/pacing/levelOfDetail';

describe('isReadable', () => {
  it('shows a node’s numbers while they are at least 6 px on screen (13 px × zoom)', () => {
    expect(isReadable(1)).toBe(true);
    expect(isReadable(6 / 13)).toBe(true);
    expect(isReadable(0.46)).toBe(false);
    expect(isReadable(0.3)).toBe(false); // a fitted 2-64-64-1
    expect(isReadable(0.1)).toBe(false); // the canvas's furthest zoom
  });
});
