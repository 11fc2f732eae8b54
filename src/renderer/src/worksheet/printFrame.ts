// The web page's print of the worksheet: the page in a hidden frame, then the frame's own print()
// (the browser's dialog: a printer, or "Save as PDF"). The frame stays until the next print, so
// a test can read what was printed (data-worksheet-print); the page has no scripts to run.

export const PRINT_FRAME_ATTRIBUTE = 'data-worksheet-print';

export function printInFrame(page: Document, html: string): Promise<{ status: 'printed' } | { status: 'error'; message: string }> {
  page.querySelector(`iframe[${PRINT_FRAME_ATTRIBUTE}]`)?.remove();
  const frame = page.createElement('iframe');
  frame.setAttribute(PRINT_FRAME_ATTRIBUTE, '');
  frame.setAttribute('title', 'Worksheet to print');
  frame.setAttribute('aria-hidden', 'true');
  // same origin (allow-same-origin) so the page may call its print(); allow-modals for the dialog; no scripts
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  return new Promise((resolve) => {
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (view === null) return resolve({ status: 'error', message: 'The browser gave the worksheet no window to print from.' });
      view.focus();
      view.print();
      resolve({ status: 'printed' });
    }, { once: true });
    frame.srcdoc = html;
    page.body.append(frame);
  });
}
