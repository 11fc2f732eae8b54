// The printable page: self-contained (no scripts, no outside resources), the sheet's blanks empty,
// the answer key on a page of its own with every value, the header naming what the sheet is.

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildWorksheet, katexStyle, worksheetHtml } from '../../../src/engine/worksheet';
import { loadFixture, TWO_FIVE_ONE } from '../helpers';

const doc = loadFixture(TWO_FIVE_ONE);
const sheet = buildWorksheet(doc, { example: 2, seed: 11, blanks: { type: 'list', items: ['backward', 'z:6'] } });
const html = worksheetHtml(sheet, { fileName: 'tutorial-2-5-1.bpgraph.json', katexCss: '.katex{font:1em KaTeX_Main}' });
const page = (() => {
  const window = new Window();
  window.document.write(html);
  return window.document;
})();

describe('the worksheet page', () => {
  it('is self-contained: no scripts, no links, no outside URLs', () => {
    expect(page.querySelectorAll('script, link, iframe, img').length).toBe(0);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('leaves exactly the chosen rows blank on the sheet, with no value in them', () => {
    const blanks = [...page.querySelectorAll('[data-part="sheet"] tr[data-blank]')].map((tr) => tr.getAttribute('data-key'));
    expect(blanks).toEqual(sheet.rows.filter((r) => r.blank).map((r) => r.key));
    for (const tr of page.querySelectorAll('[data-part="sheet"] tr[data-blank]')) expect(tr.querySelector('td.value')!.getAttribute('data-value')).toBe('');
  });

  it('shows the given rows’ values on the sheet', () => {
    const s1 = page.querySelector('[data-part="sheet"] tr[data-key="s:1"] td.value')!;
    expect(Number(s1.getAttribute('data-value'))).toBe(sheet.rows.find((r) => r.key === 's:1')!.value);
  });

  it('has an answer key with every row’s value, starting a page of its own', () => {
    const key = page.querySelector('[data-part="key"]')!;
    const values = [...key.querySelectorAll('tr[data-key]')].map((tr) => Number(tr.querySelector('td.value')!.getAttribute('data-value')));
    expect(values).toEqual(sheet.rows.map((r) => r.value));
    expect(html).toMatch(/\.key\s*\{\s*break-before:\s*page;/);
    expect(key.getAttribute('class')).toBe('key');
  });

  it('names the file, the example, the seed and η in the header, with the formulas used', () => {
    const header = page.querySelector('[data-part="sheet"] .meta')!.textContent!;
    expect(header).toContain('tutorial-2-5-1.bpgraph.json');
    expect(header).toContain('seed 11');
    expect(header).toMatch(/Example2:/);
    expect(page.querySelectorAll('[data-part="sheet"] .formulas li').length).toBe(sheet.formulas.length);
  });

  it('escapes a file name that looks like markup', () => {
    const evil = worksheetHtml(sheet, { fileName: '<img src=x onerror=alert(1)>.json', katexCss: '' });
    expect(evil).not.toContain('<img');
  });
});

describe('katexStyle', () => {
  const css =
    '@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.woff) format("woff")}' +
    '@font-face{font-family:KaTeX_Fraktur;src:url(fonts/KaTeX_Fraktur-Regular.woff2) format("woff2")}.katex{color:red}';

  it('inlines a given face as a data URL and drops the faces not given', () => {
    const out = katexStyle(css, { 'KaTeX_Main-Regular': 'AAAA' });
    expect(out).toBe('@font-face{font-family:KaTeX_Main;src:url(data:font/woff2;base64,AAAA) format("woff2")}.katex{color:red}');
  });
});
