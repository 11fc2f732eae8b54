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

/** `outputs`: the graph's output neurons; a row may then give one class per output (x,y,c₁,…,cₘ) */
export function parseCsv(text: string, targets: TargetValues, outputs = 1): CsvParseResult {
  const examples: Example[] = [];
  const errors: CsvRowError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    if (examples.length === 0 && errors.length === 0 && HEADER.test(raw)) return;
    const row = parseRow(raw, targets, outputs);
    if (typeof row === 'string') errors.push({ line, message: row });
    else examples.push(row);
  });
  return { examples, errors };
}

function parseRow(raw: string, targets: TargetValues, outputs: number): Example | string {
  const cells = raw.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const classes = cells.length - 2;
  if (classes !== 1 && classes !== outputs) {
    const several = outputs > 1 ? ` or ${outputs + 2} (x,y and a class for each of the ${outputs} outputs)` : '';
    return `expected 3 values (x,y,class)${several}, found ${cells.length}`;
  }
  const [x, y] = cells.slice(0, 2).map(parseNumber);
  if (x === null) return `x is not a finite number: '${cells[0]}'`;
  if (y === null) return `y is not a finite number: '${cells[1]}'`;
  const ys: number[] = [];
  for (let o = 0; o < classes; o++) {
    const cls = parseNumber(cells[2 + o]);
    if (cls === 1) ys.push(targets.high);
    else if (cls === 0 || cls === -1) ys.push(targets.low);
    else return `class${classes > 1 ? ` ${o + 1}` : ''} must be 0 or 1 (−1 also means the low class), found '${cells[2 + o]}'`;
  }
  return { x: [x, y], y: ys };
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
