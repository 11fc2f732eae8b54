import { useDocument } from '../store/document';
import { notify } from '../store/notices';
import { platform } from '../platform';
import { canvasSvg, svgToPng } from './exportImage';
import { exportName } from './names';

// File › Export PNG / SVG: a picture of the whole graph, saved through a dialog on the desktop
// or downloaded in the browser.

export async function exportPicture(kind: 'png' | 'svg'): Promise<void> {
  const svg = canvasSvg();
  if (!svg) {
    notify('There is no canvas to export.', 'warning');
    return;
  }
  const fileName = exportName(useDocument.getState().fileName, kind);
  try {
    const data = kind === 'svg' ? svg : await svgToPng(svg);
    const result = await platform.exportFile({ fileName, kind, data });
    if (result.status === 'saved') notify(`Exported “${fileName}”`, 'info');
    else if (result.status === 'error') notify(`Couldn’t export “${fileName}”: ${result.message}`, 'error');
  } catch (error) {
    notify(`Couldn’t export “${fileName}”: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
