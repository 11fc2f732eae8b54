import type { Example } from '../../../engine/format/types';

// CSV for 2-D points: `x,y,class`, one point a line, header optional. `class` is 0/1 (or −1 for
// low): a class, not a target value, so a file means the same under sigmoid and tanh outputs.
// Bad rows are reported by line number and skipped; good rows are kept.

export interface CsvRowError {
  /** 1-based line number in the file */
  line: number;
  message: string;
}

export interface CsvParseResult {
  examples: Example[];
  errors: CsvRowError[];
}

/** the target values a class maps to: red = low (0 sigmoid, −1 tanh), blue = high (1) */
export interface TargetValues {
  low: number;
  high: number;
}

const HEADER = /^\s*"?[A-Za-z_]/;

export function parseCsv(text: string, targets: TargetValues): CsvParseResult {
  const examples: Example[] = [];
  const errors: CsvRowError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    if (examples.length === 0 && errors.length === 0 && HEADER.test(raw)) return;
    const row = parseRow(raw, targets);
    if (typeof row === 'string') errors.push({ line, message: row });
    else examples.push(row);
  });
  return { examples, errors };
}

function parseRow(raw: string, targets: TargetValues): Example | string {
  const cells = raw.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  if (cells.length !== 3) return `expected 3 values (x,y,class), found ${cells.length}`;
  const [x, y, cls] = cells.map(parseNumber);
  if (x === null) return `x is not a finite number: '${cells[0]}'`;
  if (y === null) return `y is not a finite number: '${cells[1]}'`;
  if (cls === 1) return { x: [x, y], y: [targets.high] };
  if (cls === 0 || cls === -1) return { x: [x, y], y: [targets.low] };
  return `class must be 0 or 1 (−1 also means the low class), found '${cells[2]}'`;
}

function parseNumber(cell: string): number | null {
  if (cell === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

/** `x,y,class` with a header; class 1 for targets above the midpoint of low and high, else 0 */
export function formatCsv(examples: readonly Example[], targets: TargetValues): string {
  const mid = (targets.low + targets.high) / 2;
  const rows = examples.map((e) => `${e.x[0] ?? 0},${e.x[1] ?? 0},${(e.y[0] ?? targets.low) > mid ? 1 : 0}`);
  return ['x,y,class', ...rows].join('\n') + '\n';
}

/** "line 3: x is not a finite number: 'abc'; line 7: …" (the first few, then a count) */
export function describeCsvErrors(errors: readonly CsvRowError[], max = 3): string {
  const shown = errors.slice(0, max).map((e) => `line ${e.line}: ${e.message}`);
  const more = errors.length > max ? `; and ${errors.length - max} more bad rows` : '';
  return shown.join('; ') + more;
}
