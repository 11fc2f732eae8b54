// The printable page: one self-contained HTML document (inline CSS, the math as KaTeX's HTML
// rendered here, no scripts). The sheet with its blanks first; the answer key starts a page of
// its own (`break-before: page`), and on a long sheet (a big graph) each phase starts a page, its
// table's header repeated on every page it runs over. KaTeX's stylesheet, with its fonts inlined, is given by the
// caller (the command line reads it from disk, the app from its bundle): see katexStyle.ts.

import katex from 'katex';
import type { Phase } from './blanks';
import { texNumber } from './tex';
import { LONG_SHEET_ROWS, type GivenValue, type Worksheet, type WorksheetRow } from './worksheet';

export interface PageOptions {
  /** the file the worksheet was made from, as the header names it */
  fileName: string;
  /** KaTeX's CSS with its fonts as data URLs (katexStyle) */
  katexCss: string;
}

const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  forward: 'Forward pass',
  backward: 'Backward pass',
  update: 'Update',
};

const PAGE_CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.4 "DejaVu Serif", Georgia, serif; color: #111; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 3mm; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.formulas { columns: 2; column-gap: 8mm; margin: 0; padding-left: 5mm; }
.formulas li { break-inside: avoid; margin: 1mm 0; }
.given { display: flex; flex-wrap: wrap; gap: 1.5mm 6mm; margin: 0; padding: 0; list-style: none; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: middle; }
th { background: #eee; }
tr { break-inside: avoid; }
td.quantity { width: 22%; white-space: nowrap; }
td.value { width: 20%; white-space: nowrap; }
td.value.blank { background: #fff; }
.box { display: inline-block; width: 100%; min-height: 8mm; border-bottom: 1.5px solid #333; }
.key { break-before: page; }
.long h2.phase:not(.first) { break-before: page; }
thead { display: table-header-group; }
.note { color: #444; font-size: 9.5pt; }
@media screen { body { background: #ddd; } main { background: #fff; padding: 10mm 12mm; margin: 6mm auto; box-shadow: 0 1px 4px #0004; } }
`;

/** the whole HTML document */
export function worksheetHtml(sheet: Worksheet, options: PageOptions): string {
  const title = `Worksheet — ${sheet.title ?? options.fileName}, example ${sheet.example}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${options.katexCss}</style>`,
    `<style>${PAGE_CSS}</style>`,
    '</head><body>',
    `<main class="sheet" data-part="sheet">${header(sheet, options, 'Work it by hand')}${givens(sheet)}${phases(sheet, false)}</main>`,
    `<main class="key" data-part="key">${header(sheet, options, 'Answer key')}${phases(sheet, true)}</main>`,
    '</body></html>',
    '',
  ].join('\n');
}

function math(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, displayMode: false, output: 'html', strict: 'ignore' });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function vector(values: readonly number[]): string {
  return math(`(${values.map(texNumber).join(',\\ ')})`);
}

function header(sheet: Worksheet, options: PageOptions, heading: string): string {
  const meta: [string, string][] = [
    ['File', escapeHtml(options.fileName)],
    ...(sheet.title === null ? [] : [['Network', escapeHtml(sheet.title)] as [string, string]]),
    ['Example', `${sheet.example}: ${math('x =')} ${vector(sheet.x)}, ${math('y =')} ${vector(sheet.y)}`],
    ['Weights', sheet.seed === null ? 'the file’s own' : `re-drawn from seed ${sheet.seed}`],
    ['Learning rate', math(`\\eta = ${texNumber(sheet.eta)}`)],
    ['Loss', sheet.loss === 'crossEntropy' ? 'cross-entropy' : 'squared error'],
    ...(sheet.regularization.kind === 'none' ? [] : [['Regularisation', `${sheet.regularization.kind}, ${math(`\\lambda = ${texNumber(sheet.regularization.rate)}`)}`] as [string, string]]),
    ...(sheet.momentum > 0 ? [['Momentum', math(`\\beta = ${texNumber(sheet.momentum)}`)] as [string, string]] : []),
  ];
  const formulas = sheet.formulas.map((f) => `<li>${math(f)}</li>`).join('');
  return (
    `<h1>${heading}</h1><dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h2>Formulas used</h2><ul class="formulas">${formulas}</ul>` +
    `<p class="note">Numbers are rounded to 4 significant digits; work with the rounded numbers and your answers will agree with the key to about 3 digits.</p>`
  );
}

function givens(sheet: Worksheet): string {
  const item = (g: GivenValue) => `<li data-key="${escapeHtml(g.key)}">${math(`${g.symbol} = ${texNumber(g.value)}`)}</li>`;
  return (
    `<h2>Given</h2><ul class="given">${sheet.sources.map(item).join('')}</ul>` +
    `<h2>Weights before the update</h2><ul class="given">${sheet.weights.map(item).join('')}</ul>` +
    (sheet.velocities.length === 0 ? '' : `<h2>Velocities before the update</h2><ul class="given">${sheet.velocities.map(item).join('')}</ul>`)
  );
}

function phases(sheet: Worksheet, key: boolean): string {
  const tables = (['forward', 'backward', 'update'] as const)
    .map((phase, i) => {
      const rows = sheet.rows.filter((r) => r.phase === phase);
      const body = rows.map((r) => row(r, key)).join('');
      const note = phase === 'update' ? `<p class="note" data-part="update-note">${escapeHtml(sheet.updateNote)}</p>` : '';
      return `<h2 class="phase${i === 0 ? ' first' : ''}">${PHASE_TITLES[phase]}</h2>${note}<table data-phase="${phase}"><thead><tr><th>Quantity</th><th>Formula</th><th>Value</th></tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('');
  return sheet.rows.length > LONG_SHEET_ROWS ? `<div class="long">${tables}</div>` : tables;
}

/** on the sheet a blank row shows its formula in symbols and a box; the key and a given row show the numbers and the value */
function row(r: WorksheetRow, key: boolean): string {
  const shown = key || !r.blank;
  const formula = shown ? `${r.formula} = ${r.substituted}` : r.formula;
  const value = shown ? math(texNumber(r.value)) : '<span class="box" aria-label="your answer"></span>';
  const blankAttr = r.blank ? ' data-blank="true"' : '';
  return (
    `<tr data-key="${escapeHtml(r.key)}"${blankAttr}>` +
    `<td class="quantity">${math(r.symbol)}</td>` +
    `<td class="formula">${math(formula)}</td>` +
    `<td class="value${shown ? '' : ' blank'}" data-value="${shown ? String(r.value) : ''}">${value}</td></tr>`
  );
}
