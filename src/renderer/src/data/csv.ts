import Papa from 'papaparse';
import type { Example } from '../../../engine/format/types';

// CSV for 2-D points: `x,y,class`, one point a row, header optional. `class` is 0/1 (or −1 for
// low): a class, not a target value, so a file means the same under sigmoid and tanh outputs.
// Rows are split by papaparse (quotes, separators `,` `;` or tab guessed per file, CR/LF/CRLF);
// bad rows are reported by the line they start on and skipped; good rows are kept. A first row
// is a header only when no cell of it looks like a number (`NaN`, `Infinity`, `e5` and `.5`
// look like one): a bad number is reported, never silently dropped as a header.

export interface CsvRowError {
  /** 1-based line number in the file where the row starts */
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

export interface CsvParseOptions {
  /** called every PROGRESS_ROWS rows with the fraction of the text read so far */
  onProgress?: (fraction: number) => void;
}

export const PROGRESS_ROWS = 20_000;
const SEPARATORS = [',', ';', '\t'] as const;

const NUMBER_LIKE = /^[+-]?(?:\d|\.\d|e[+-]?\d|nan$|inf(?:inity)?$)/i;
const WORD = /^[A-Za-z_]/;

/** every cell a word, none numbers-like: `x,y,class` is a header, `NaN,0,1` is a bad row */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => WORD.test(c) && !NUMBER_LIKE.test(c));
}

/** `outputs`: the graph's output neurons; a row may then give one class per output (x,y,c₁,…,cₘ) */
export function parseCsv(text: string, targets: TargetValues, options: CsvParseOptions = {}, outputs = 1): CsvParseResult {
  const examples: Example[] = [];
  const errors: CsvRowError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = lineCounter(body);
  let rows = 0;
  let first = true;
  Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    step: (step) => {
      const line = lines.startOfRow(step.meta.cursor);
      const cells = step.data.map((c) => c.trim());
      if (++rows % PROGRESS_ROWS === 0) options.onProgress?.(step.meta.cursor / Math.max(1, body.length));
      if (isBlank(cells) || cells[0].startsWith('#')) return;
      const broken = step.errors[0];
      if (broken) {
        errors.push({ line, message: broken.code === 'MissingQuotes' ? 'a quoted value is not closed' : broken.message });
        return;
      }
      const isFirst = first;
      first = false;
      if (isFirst && isHeaderRow(cells)) return;
      const row = parseRow(cells, targets, outputs);
      if (typeof row === 'string') errors.push({ line, message: row });
      else examples.push(row);
    },
  });
  return { examples, errors };
}

/** the file's separator, guessed by papaparse from its first rows that are not comments */
function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const guess = Papa.parse<string[]>(sample, { delimitersToGuess: [...SEPARATORS], comments: '#', skipEmptyLines: true, preview: 10 });
  return SEPARATORS.includes(guess.meta.delimiter as (typeof SEPARATORS)[number]) ? guess.meta.delimiter : ',';
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 0 || (cells.length === 1 && cells[0] === '');
}

/**
 * The line each row starts on, from papaparse's cursor (the offset just past a row): rows come
 * in order, so counting the line breaks between one cursor and the next is linear overall.
 */
function lineCounter(text: string): { startOfRow(cursorAfter: number): number } {
  let line = 1;
  let at = 0;
  return {
    startOfRow(cursorAfter) {
      const start = line;
      for (; at < cursorAfter; at++) {
        const c = text.charCodeAt(at);
        if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) line++;
      }
      return start;
    },
  };
}

function parseRow(cells: readonly string[], targets: TargetValues, outputs: number): Example | string {
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

/** "line 3: x is not a finite number: 'abc'; line 7: …" (the first ten, then a count) */
export function describeCsvErrors(errors: readonly CsvRowError[], max = 10): string {
  const shown = errors.slice(0, max).map((e) => `line ${e.line}: ${e.message}`);
  const rest = errors.length - shown.length;
  const more = rest > 0 ? `; and ${rest.toLocaleString('en')} more bad row${rest === 1 ? '' : 's'}` : '';
  return shown.join('; ') + more;
}
