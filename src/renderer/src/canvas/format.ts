import { readable } from '../format/number';

// Numbers as the canvas shows them: the page's one format (format/number.ts) with 3 significant
// digits, as room on a node is short; the full value goes in a title and in data-value.
export const CANVAS_DIGITS = 3;

export const compact = (value: number): string => readable(value, CANVAS_DIGITS);
