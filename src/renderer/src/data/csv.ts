import Papa from 'papaparse';
import { isFunctionFit, UNUSED_FEATURE } from './plotCoords';
import type { Dataset, Example, Problem } from '../../../engine/format/types';

// CSV for 2-D points: `x,y,class`, one point a row, header optional. `class` is 0/1 (or −1 for
// low): a class, not a target value, so a file means the same under sigmoid and tanh outputs —
// or any labels (strings: the data set's `classes`, one-hot targets for k ≥ 3). `x,y,value` is a
// regression set, `x,value` a 1-D function; a last `test` column marks test examples.
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
  /** the class labels, when the class column holds labels */
  classes?: string[];
  /** regression: a value column (`x,y,value`, or the document is a regression set) */
  problem?: Problem;
  /** a 1-D function's `x,value`: its coordinate's name and the padded, unused second one */
  features?: string[];
}

/** the target values a class maps to: red = low (0 sigmoid, −1 tanh), blue = high (1) */
export interface TargetValues {
  low: number;
  high: number;
}

export interface CsvParseOptions {
  /** the document is a regression set: a numeric target column holds values */
  regression?: boolean;
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
  const rows: RawRow[] = [];
  const errors: CsvRowError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = lineCounter(body);
  let count = 0;
  let first = true;
  let layout: Layout = { coords: 2, targets: null, test: false, regression: options.regression === true, valueHeader: false, names: null };
  let order: string[] | null = null;
  Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    step: (step) => {
      const line = lines.startOfRow(step.meta.cursor);
      const cells = step.data.map((c) => c.trim());
      if (++count % PROGRESS_ROWS === 0) options.onProgress?.(step.meta.cursor / Math.max(1, body.length));
      if (isBlank(cells)) return;
      if (cells[0].startsWith('#')) {
        order ??= classOrder(step.data);
        return;
      }
      const broken = step.errors[0];
      if (broken) {
        errors.push({ line, message: broken.code === 'MissingQuotes' ? 'a quoted value is not closed' : broken.message });
        return;
      }
      const isFirst = first;
      first = false;
      if (isFirst && isHeaderRow(cells)) {
        layout = headerLayout(cells, layout.regression);
        return;
      }
      const row = parseRow(cells, layout, outputs, line);
      if (typeof row === 'string') errors.push({ line, message: row });
      else rows.push(row);
    },
  });
  const result = finish(rows, layout, targets, outputs, order);
  const all = errors.concat(result.errors);
  if (result.errors.length > 0 && errors.length > 0) all.sort((a, b) => a.line - b.line);
  return { ...result, errors: all };
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


// ---- the columns

/**
 * What the columns are: `coords` coordinates (2; 1 for a 1-D function's `x,value`), then the
 * target columns (null: as many as the row has), then an optional `test` column (0/1). Known from
 * a header row; a target column named value or target makes the file a regression set.
 */
interface Layout {
  coords: number;
  targets: number | null;
  test: boolean;
  regression: boolean;
  /** the header names a value column: regression whatever the cells hold */
  valueHeader: boolean;
  /** the header's names, or null */
  names: string[] | null;
}

const VALUE_NAMES: ReadonlySet<string> = new Set(['value', 'target']);

function headerLayout(cells: readonly string[], regression: boolean): Layout {
  const names = cells.map((c) => c.toLowerCase());
  const test = names.length > 2 && names[names.length - 1] === 'test';
  const coords = VALUE_NAMES.has(names[1] ?? '') ? 1 : 2;
  const targets = Math.max(1, names.length - coords - (test ? 1 : 0));
  const valueHeader = VALUE_NAMES.has(names[coords] ?? '');
  return { coords, targets, test, regression: regression || valueHeader, valueHeader, names: [...cells] };
}

/** "# classes: a,b,c" (what formatDatasetCsv writes) gives the classes' order; null for another comment */
function classOrder(cells: readonly string[]): string[] | null {
  const head = /^#\s*classes:\s*/i.exec(cells[0].trim());
  if (!head) return null;
  return [cells[0].trim().slice(head[0].length), ...cells.slice(1)].map((c) => c.trim()).filter((c) => c !== '');
}

interface RawRow {
  line: number;
  x: number[];
  cells: string[];
  test: boolean;
}

function parseRow(cells: readonly string[], layout: Layout, outputs: number, line: number): RawRow | string {
  const { coords } = layout;
  const targets = layout.targets ?? cells.length - coords;
  const expected = coords + targets + (layout.test ? 1 : 0);
  if (layout.targets === null ? targets !== 1 && targets !== outputs : cells.length !== expected) {
    if (layout.names) return `expected ${expected} values (${layout.names.join(',')}), found ${cells.length}`;
    const several = outputs > 1 ? ` or ${outputs + 2} (x,y and a class for each of the ${outputs} outputs)` : '';
    return `expected 3 values (x,y,class)${several}, found ${cells.length}`;
  }
  const x: number[] = [];
  for (let i = 0; i < coords; i++) {
    const v = parseNumber(cells[i]);
    if (v === null) return `${i === 0 ? 'x' : 'y'} is not a finite number: '${cells[i]}'`;
    x.push(v);
  }
  let test = false;
  if (layout.test) {
    const flag = cells[expected - 1].toLowerCase();
    if (!TEST_FLAGS.has(flag)) return `test must be 0 or 1 (or train / test), found '${cells[expected - 1]}'`;
    test = TEST_FLAGS.get(flag) === true;
  }
  return { line, x, cells: cells.slice(coords, coords + targets), test };
}

const TEST_FLAGS: ReadonlyMap<string, boolean> = new Map([
  ['0', false],
  ['1', true],
  ['false', false],
  ['true', true],
  ['train', false],
  ['test', true],
]);

/** after a number that is no class: how a file says it holds values */
const VALUE_HINT = ' (for values, name the column “value” in a header row)';

/** a class cell that is not a number: the file's classes are labels */
const isLabel = (cell: string): boolean => parseNumber(cell) === null;

/** the examples from the rows: values (regression), labels (one-hot over k, or low/high for two), or 0/1 classes */
function finish(rows: readonly RawRow[], layout: Layout, targets: TargetValues, outputs: number, order: string[] | null): CsvParseResult {
  const examples: Example[] = [];
  const errors: CsvRowError[] = [];
  const withFlag = (x: number[], y: number[], test: boolean): Example => (test ? { x, y, test: true } : { x, y });
  const functionFit = layout.coords === 1;
  const features = layout.names && functionFit ? [layout.names[0], UNUSED_FEATURE] : undefined;
  const padded = (x: number[]) => (functionFit ? [...x, 0] : x);
  const anyLabel = rows.some((r) => r.cells.length === 1 && isLabel(r.cells[0]));
  // a regression document's import is values, unless the file's class column holds labels
  if (layout.regression && (layout.valueHeader || !anyLabel)) {
    for (const row of rows) {
      const y = row.cells.map(parseNumber);
      const bad = y.findIndex((v) => v === null);
      if (bad >= 0) errors.push({ line: row.line, message: `value is not a finite number: '${row.cells[bad]}'` });
      else examples.push(withFlag(padded(row.x), y as number[], row.test));
    }
    return { examples, errors, problem: 'regression', ...(features ? { features } : {}) };
  }
  if (anyLabel) return labelled(rows, targets, outputs, order, withFlag);
  for (const row of rows) {
    const ys: number[] = [];
    let bad: string | null = null;
    row.cells.forEach((cell, o) => {
      const cls = parseNumber(cell);
      if (cls === 1) ys.push(targets.high);
      else if (cls === 0 || cls === -1) ys.push(targets.low);
      else bad ??= `class${row.cells.length > 1 ? ` ${o + 1}` : ''} must be 0 or 1 (−1 also means the low class), found '${cell}'${cls === null ? '' : VALUE_HINT}`;
    });
    if (bad !== null) errors.push({ line: row.line, message: bad });
    else examples.push(withFlag(row.x, ys, row.test));
  }
  return { examples, errors };
}

/** one class column of labels: classes in the order the file's "# classes:" line gives, else as first seen */
function labelled(
  rows: readonly RawRow[],
  targets: TargetValues,
  outputs: number,
  order: string[] | null,
  withFlag: (x: number[], y: number[], test: boolean) => Example,
): CsvParseResult {
  const classes = [...(order ?? [])];
  for (const row of rows) if (!classes.includes(row.cells[0])) classes.push(row.cells[0]);
  if (classes.length < 2) return { examples: [], errors: [{ line: rows[0].line, message: `only one class label ('${classes[0]}') in the file; a classification needs at least 2` }] };
  if (classes.length > MAX_CSV_CLASSES)
    return { examples: [], errors: [{ line: rows[0].line, message: `${classes.length} class labels in the file (${classes.slice(0, 8).join(', ')}…); at most ${MAX_CSV_CLASSES} classes can be shown` }] };
  const oneHot = classes.length > 2 || outputs >= 2;
  const examples = rows.map((row) => {
    const c = classes.indexOf(row.cells[0]);
    const y = oneHot ? classes.map((_, o) => (o === c ? 1 : 0)) : [c === 1 ? targets.high : targets.low];
    return withFlag(row.x, y, row.test);
  });
  return { examples, errors: [], classes };
}

/** as many classes as the plot has colours */
export const MAX_CSV_CLASSES = 6;

function parseNumber(cell: string): number | null {
  if (cell === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

/** `x,y,class` with a header; class 1 for targets above the midpoint of low and high, else 0 */
export function formatCsv(examples: readonly Example[], targets: TargetValues): string {
  return formatDatasetCsv({ examples }, targets);
}

/**
 * The data set as CSV, read back by parseCsv to the same data set: `x,y,class` (0/1, or the
 * class labels, their order on a "# classes:" line first), `x,y,value` for regression (`x,value`
 * for a 1-D function fit), and a `test` column when any example is a test example.
 */
export function formatDatasetCsv(
  dataset: Pick<Dataset, 'problem' | 'classes' | 'features'> & { examples: readonly Example[] },
  targets: TargetValues,
): string {
  const { examples } = dataset;
  const mid = (targets.low + targets.high) / 2;
  const regression = dataset.problem === 'regression';
  const functionFit = isFunctionFit(dataset);
  const labels = regression ? undefined : dataset.classes;
  const oneHot = labels !== undefined && (labels.length > 2 || (examples[0]?.y.length ?? 1) >= 2);
  const anyTest = examples.some((e) => e.test);
  const classOf = (e: Example): string | number => {
    if (!labels) return (e.y[0] ?? targets.low) > mid ? 1 : 0;
    if (!oneHot) return labels[(e.y[0] ?? targets.low) > mid ? 1 : 0];
    let best = 0;
    for (let c = 1; c < e.y.length; c++) if (e.y[c] > e.y[best]) best = c;
    return labels[best];
  };
  const fields = [...(functionFit ? ['x'] : ['x', 'y']), regression ? 'value' : 'class', ...(anyTest ? ['test'] : [])];
  const data = examples.map((e) => [
    e.x[0] ?? 0,
    ...(functionFit ? [] : [e.x[1] ?? 0]),
    regression ? (e.y[0] ?? 0) : classOf(e),
    ...(anyTest ? [e.test ? 1 : 0] : []),
  ]);
  const order = labels ? `# classes: ${Papa.unparse([labels], { newline: '\n' })}\n` : '';
  return order + Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
}

/** "line 3: x is not a finite number: 'abc'; line 7: …" (the first ten, then a count) */
export function describeCsvErrors(errors: readonly CsvRowError[], max = 10): string {
  const shown = errors.slice(0, max).map((e) => `line ${e.line}: ${e.message}`);
  const rest = errors.length - shown.length;
  const more = rest > 0 ? `; and ${rest.toLocaleString('en')} more bad row${rest === 1 ? '' : 's'}` : '';
  return shown.join('; ') + more;
}
