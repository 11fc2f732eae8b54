// zod's issues rewritten as sentences a person can act on.

import type { z } from 'zod';
import { issue, type GraphIssue } from './errors';
import { isJsonObject } from './json';

const GENERIC = /^(Invalid input|Invalid option|Invalid discriminator|Too small|Too big|Unrecognized key)/;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  tuple: 'a list',
};

function sentence(i: z.core.$ZodIssue): string {
  if (!GENERIC.test(i.message)) return i.message;
  const input: unknown = i.input;
  const last = i.path[i.path.length - 1];
  switch (i.code) {
    case 'invalid_type':
      if (input === undefined) return typeof last === 'string' ? `missing required key "${last}"` : 'missing value';
      return `expected ${EXPECTED[i.expected] ?? i.expected}, got ${describeValue(input)}`;
    case 'invalid_value': {
      const expected = i.values.map((v) => JSON.stringify(v)).join(', ');
      if (input === undefined) return typeof last === 'string' ? `missing required key "${last}"; expected ${expected}` : `missing value; expected ${expected}`;
      return `${describeValue(input)} is not allowed; expected ${expected}`;
    }
    case 'invalid_union':
      if ('discriminator' in i && i.discriminator === 'type') {
        const type = isJsonObject(input) ? input.type : undefined;
        return type === undefined
          ? 'missing node "type"; expected "input", "bias" or "neuron"'
          : `unknown node type ${JSON.stringify(type)}; expected "input", "bias" or "neuron"`;
      }
      return i.message;
    case 'too_small':
      if (i.origin === 'array') return `must hold at least ${String(i.minimum)} values, but holds ${countOf(input)}`;
      return `must be ${i.inclusive ? 'at least' : 'greater than'} ${String(i.minimum)}`;
    case 'too_big':
      if (i.origin === 'array') return `must hold at most ${String(i.maximum)} values, but holds ${countOf(input)}`;
      return `must be ${i.inclusive ? 'at most' : 'less than'} ${String(i.maximum)}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return i.message;
  }
}

function countOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : 'something else';
}

export function zodToGraphIssues(error: z.ZodError): GraphIssue[] {
  return error.issues.map((i) =>
    issue(
      'schema',
      i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      sentence(i),
    ),
  );
}
