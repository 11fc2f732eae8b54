// Python source text: literals that read back as exactly the same values, and comments that
// cannot break out of their line whatever a node's id holds.

/** a str literal (JSON's string syntax is Python's, escapes included) */
export function pyStr(text: string): string {
  return JSON.stringify(text);
}

/** a float literal that Python reads as the same float64 (JS and Python both print the shortest round-trip digits) */
export function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a Python float`);
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** an exact int literal for any integral float64 (a seed may exceed 2^53) */
export function pyInt(value: number): string {
  return BigInt(value).toString();
}

/** `[a, b, c]` of floats */
export function pyFloats(values: readonly number[]): string {
  return `[${values.map(pyFloat).join(', ')}]`;
}

/** text for a `#` comment: one line, no control characters */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a comment line must not hold
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** how a node appears in comments and formulas: its id, quoted when it is not a plain word */
export function nodeName(id: string): string {
  return /^[\w.-]+$/.test(id) ? id : commentText(JSON.stringify(id));
}

/** w_{j→k} of an edge, for comments */
export function weightName(source: string, target: string): string {
  return `w_{${nodeName(source)}→${nodeName(target)}}`;
}

export function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((line) => (line === '' ? '' : by + line));
}
