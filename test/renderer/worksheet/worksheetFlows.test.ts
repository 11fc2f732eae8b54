// File › Print worksheet… in the studio: the dialog opens on the example in hand, Print hands the
// engine's page (with the bundle's self-contained KaTeX stylesheet) to the platform, and a bad
// form or a document the sheet cannot write is named in the dialog, nothing printed.

import { describe, expect, it, vi } from 'vitest';
import { buildWorksheet, worksheetHtml } from '../../../src/engine/worksheet';
import type { PrintRequest, PrintResult } from '../../../src/renderer/src/platform/types';
import { tutorial251 } from '../../../src/renderer/src/templates/tutorial';
import { bundledKatexCss } from '../../../src/renderer/src/worksheet/katexBundle';
import { pdfNameFor } from '../../../src/renderer/src/worksheet/worksheetFlows';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';

function studioPrinting(result: PrintResult = { status: 'printed' }) {
  const printWorksheet = vi.fn(async (_r: PrintRequest) => result);
  const studio = testStudio({ env: fakeEnv({ platform: fakePlatform({ printWorksheet }) }), initial: tutorial251() });
  return { studio, printWorksheet };
}

describe('print worksheet', () => {
  it('opens on the example in hand and prints the engine’s page for the form', async () => {
    const { studio, printWorksheet } = studioPrinting();
    studio.live.setState({ exampleIndex: 4 });
    const { dialog, flows } = studio.worksheet;
    flows.open();
    expect(dialog.getState()).toMatchObject({ open: true, form: { example: '4' } });
    dialog.edit({ preset: 'backward', seed: '12' });
    await flows.print();
    expect(printWorksheet).toHaveBeenCalledTimes(1);
    const { doc, fileName } = studio.document.getState();
    const sheet = buildWorksheet(doc, { example: 4, seed: 12, blanks: { type: 'list', items: ['backward'] } });
    expect(printWorksheet.mock.calls[0][0]).toEqual({
      html: worksheetHtml(sheet, { fileName, katexCss: bundledKatexCss() }),
      fileName: pdfNameFor(fileName, { example: 4, seed: 12 }),
    });
    expect(dialog.getState().open).toBe(false);
    expect(studio.notices.getState().notices.at(-1)?.message).toMatch(/print dialog/);
  });

  it('names a bad example or seed in the dialog and prints nothing', async () => {
    const { studio, printWorksheet } = studioPrinting();
    const { dialog, flows } = studio.worksheet;
    flows.open();
    dialog.edit({ example: '999' });
    await flows.print();
    expect(dialog.getState().problem).toMatchObject({ field: 'example', message: expect.stringMatching(/Example “999” does not exist: choose 0 to \d+/) });
    dialog.edit({ example: '1', seed: '1.5' });
    await flows.print();
    expect(dialog.getState().problem).toMatchObject({ field: 'seed' });
    dialog.edit({ seed: '', preset: 'list', list: 'z, nonsense' });
    await flows.print();
    expect(dialog.getState().problem).toMatchObject({ field: 'list', message: expect.stringContaining("'nonsense'") });
    expect(printWorksheet).not.toHaveBeenCalled();
    expect(dialog.getState()).toMatchObject({ open: true, busy: false });
  });

  it('prints a cross-entropy, L2 and momentum document with those terms', async () => {
    const { studio, printWorksheet } = studioPrinting();
    studio.document.setTraining({ loss: 'crossEntropy', regularization: { kind: 'L2', rate: 0.01 }, momentum: 0.9 }, { history: true });
    studio.worksheet.flows.open();
    await studio.worksheet.flows.print();
    expect(studio.worksheet.dialog.getState().problem).toBeNull();
    const html = printWorksheet.mock.calls[0][0].html as string;
    expect(html).toContain('cross-entropy');
    expect(html).toContain('Velocities before the update');
  });

  it('says why a document cannot have a worksheet (a switched-off edge)', async () => {
    const { studio, printWorksheet } = studioPrinting();
    const edge = studio.document.getState().doc.edges[0].id;
    studio.document.setOff([], [edge], true);
    studio.worksheet.flows.open();
    await studio.worksheet.flows.print();
    expect(studio.worksheet.dialog.getState().problem?.message).toMatch(/switched off/);
    expect(printWorksheet).not.toHaveBeenCalled();
  });

  it('keeps the dialog open on a cancelled save, and shows an error the desktop reports', async () => {
    const cancelled = studioPrinting({ status: 'cancelled' });
    cancelled.studio.worksheet.flows.open();
    await cancelled.studio.worksheet.flows.print();
    expect(cancelled.studio.worksheet.dialog.getState()).toMatchObject({ open: true, busy: false, problem: null });
    const failed = studioPrinting({ status: 'error', message: 'The disk is full.' });
    failed.studio.worksheet.flows.open();
    await failed.studio.worksheet.flows.print();
    expect(failed.studio.worksheet.dialog.getState().problem).toEqual({ field: null, message: 'The disk is full.' });
  });
});

describe('the bundle’s KaTeX stylesheet', () => {
  it('inlines the worksheet’s fonts and refers to no font file', () => {
    const css = bundledKatexCss();
    expect(css.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(8);
    expect(css).not.toMatch(/url\(fonts\//);
  });

  it('names the PDF after the file, the example and the seed', () => {
    expect(pdfNameFor('tutorial-2-5-1.bpgraph.json', { example: 3, seed: 7 })).toBe('tutorial-2-5-1 worksheet 3 seed 7.pdf');
    expect(pdfNameFor('net.json', { example: 0, seed: undefined })).toBe('net worksheet 0.pdf');
  });
});
