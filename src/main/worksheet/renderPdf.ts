import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A self-contained HTML page to PDF bytes with Chromium's own print (webContents.printToPDF), in
// a hidden window that runs no scripts and has no preload. The page goes through a temporary file
// (a worksheet with its fonts is ~1 MB, past what a data: URL may carry), removed afterwards.

export async function renderPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'backprop-worksheet-'));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  try {
    const file = join(folder, 'worksheet.html');
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
