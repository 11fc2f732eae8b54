// A progress bar on stderr: only on a terminal, and only once training has taken over a second.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number): void;
  /** erases the bar (if one was drawn) */
  finish(): void;
}

const QUIET_MS = 1000;

export function createProgress(stream: ProgressStream, total: number, label: string, now: () => number = () => performance.now()): Progress {
  const start = now();
  let drawn = false;
  return {
    update(done) {
      if (!stream.isTTY || now() - start < QUIET_MS) return;
      stream.write(`\r${progressLine(done, total, label, (now() - start) / 1000, stream.columns || 80)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** `label [#####.....]  45%  450/1000 epochs  3.2 s, ~3.9 s left`, cut to the terminal's width */
export function progressLine(done: number, total: number, label: string, seconds: number, columns: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const left = fraction > 0 ? (seconds / fraction) * (1 - fraction) : 0;
  const tail = ` ${String(Math.floor(100 * fraction)).padStart(3)}%  ${String(done).padStart(String(total).length)}/${total} epochs  ${seconds.toFixed(1)} s, ~${left.toFixed(1)} s left`;
  const width = Math.max(10, Math.min(30, columns - label.length - tail.length - 4));
  const filled = Math.round(width * fraction);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`.slice(0, Math.max(1, columns - 1));
}
