// File › Print Worksheet… on the desktop: the request's contract, and the printer's steps (pick a
// path, print, write) with each failure reported as a sentence, never thrown.

import { describe, expect, it, vi } from 'vitest';
import { INVOKE, WorksheetPdfRequest } from '../../src/shared/ipc';

vi.mock('electron', () => ({ BrowserWindow: class {}, dialog: {} }));

const { createWorksheetPdfPrinter } = await import('../../src/main/worksheet/printWorksheetPdf');

const request = { html: '<!doctype html><p>sheet</p>', fileName: 'sheet.pdf' };
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function printer(overrides: Partial<Parameters<typeof createWorksheetPdfPrinter>[0]> = {}) {
  const deps = {
    choosePath: vi.fn(async () => '/d/sheet.pdf' as string | null),
    renderPdf: vi.fn(async () => pdf),
    writeFile: vi.fn(async () => undefined),
    ...overrides,
  };
  return { deps, print: createWorksheetPdfPrinter(deps) };
}

describe('the worksheet PDF channel', () => {
  it('is in the one IPC table, its reply the export result', () => {
    expect(INVOKE.printWorksheetPdf.channel).toBe('worksheet:print-pdf');
    expect(INVOKE.printWorksheetPdf.reply.safeParse({ status: 'saved', filePath: '/d/a.pdf' }).success).toBe(true);
  });

  it('refuses a request that is not a page and a name', () => {
    expect(WorksheetPdfRequest.safeParse(request).success).toBe(true);
    for (const bad of [{ html: 5, fileName: 'a.pdf' }, { html: 'x' }, { ...request, fileName: '' }, { ...request, path: '/etc/passwd' }, 'x', null]) {
      expect(WorksheetPdfRequest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('printing the worksheet to PDF', () => {
  it('prints the page and writes the bytes to the path the person picked', async () => {
    const { deps, print } = printer();
    await expect(print(null, request)).resolves.toEqual({ status: 'saved', filePath: '/d/sheet.pdf' });
    expect(deps.choosePath).toHaveBeenCalledWith(null, 'sheet.pdf');
    expect(deps.renderPdf).toHaveBeenCalledWith(request.html);
    expect(deps.writeFile).toHaveBeenCalledWith('/d/sheet.pdf', pdf);
  });

  it('prints nothing when the person cancels the dialog', async () => {
    const { deps, print } = printer({ choosePath: vi.fn(async () => null) });
    await expect(print(null, request)).resolves.toEqual({ status: 'cancelled' });
    expect(deps.renderPdf).not.toHaveBeenCalled();
  });

  it('says why when printing or writing fails', async () => {
    const failedPrint = printer({ renderPdf: vi.fn(async () => Promise.reject(new Error('printing failed'))) });
    await expect(failedPrint.print(null, request)).resolves.toEqual({ status: 'error', message: expect.stringContaining('printing failed') });
    expect(failedPrint.deps.writeFile).not.toHaveBeenCalled();
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const failedWrite = printer({ writeFile: vi.fn(async () => Promise.reject(full)) });
    await expect(failedWrite.print(null, request)).resolves.toMatchObject({ status: 'error', message: expect.stringMatching(/full/) });
  });
});
