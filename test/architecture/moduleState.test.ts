// Nothing in src/renderer/src holds state at module level (docs/architecture.md, "One
// composition root"): every store, cache and buffer is made by createStudio or by the component
// that owns it, so a test builds a fresh world and two studios never share anything. This reads
// every top-level declaration with the TypeScript parser and refuses the ones that can hold state:
// `let`/`var`, and `const` bound to a new collection or buffer (`new Map`, `new Set`,
// `new WeakMap`, typed arrays…) unless its declared type is read-only. Entry points (the page's
// main.tsx and each worker's *.worker.ts) are their own process's composition root and may.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(ROOT, 'src/renderer/src');
const ENTRY = /(^|\/)(main\.tsx|[^/]+\.worker\.ts)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** each top-level declaration of `text` that can hold state, as "name (why)" */
export function moduleState(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(file);
      if (!isConst) {
        found.push(`${name} (let/var)`);
        continue;
      }
      const init = declaration.initializer && unwrap(declaration.initializer);
      if (!init || !ts.isNewExpression(init)) continue;
      const readOnly = declaration.type !== undefined && /^Readonly/.test(declaration.type.getText(file));
      if (!readOnly) found.push(`${name} (new ${init.expression.getText(file)})`);
    }
  }
  return found;
}

describe('module-level state in src/renderer/src', () => {
  it('finds let, var and a mutable collection, and lets constants and read-only lookups be', () => {
    const text = [
      'let count = 0;',
      'const cache = new WeakMap<object, number>();',
      'const NAMES: ReadonlySet<string> = new Set(["a"]);',
      'const LIMIT = 3;',
      'const TABLE = { a: 1 } as const;',
      'declare const __APP_VERSION__: string;',
    ].join('\n');
    expect(moduleState('x.ts', text)).toEqual(['count (let/var)', 'cache (new WeakMap)']);
  });

  it('is none outside the entry points', () => {
    const found = sources(RENDERER)
      .map((path) => relative(RENDERER, path).split('\\').join('/'))
      .filter((path) => !ENTRY.test(path))
      .flatMap((path) => moduleState(path, readFileSync(join(RENDERER, path), 'utf8')).map((what) => `${path}: ${what}`));
    expect(found).toEqual([]);
  });
});
