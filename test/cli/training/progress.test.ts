import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../../src/cli/training/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 80, write: (t: string) => writes.push(t) }, writes };
}

describe('progress bar', () => {
  it('stays silent for the first second, then redraws one line and erases it at the end', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, 100, 'net', () => now);
    now = 900;
    progress.update(10);
    expect(writes).toEqual([]);
    now = 2000;
    progress.update(50);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\rnet \[#+\.+\] {2}50% {3}50\/100 epochs {2}2\.0 s, ~2\.0 s left$/);
    progress.finish();
    expect(writes[1]).toBe('\r\x1b[2K');
  });

  it('never draws when stderr is not a terminal', () => {
    let now = 0;
    const { stream, writes } = fakeStream(false);
    const progress = createProgress(stream, 10, 'net', () => now);
    now = 5000;
    progress.update(5);
    progress.finish();
    expect(writes).toEqual([]);
  });

  it('draws a whole line where the terminal reports no width (a pty with 0 columns)', () => {
    let now = 0;
    const writes: string[] = [];
    const progress = createProgress({ isTTY: true, columns: 0, write: (t: string) => writes.push(t) }, 10, 'net', () => now);
    now = 1500;
    progress.update(5);
    expect(writes[0]).toMatch(/^\rnet \[#+\.+\] {2}50%/);
  });

  it('fits a narrow terminal', () => {
    expect(progressLine(1, 3, 'a-long-file-name.bpgraph.json', 1, 40).length).toBeLessThan(40);
  });
});
