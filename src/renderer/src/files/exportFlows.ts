import type { DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { Platform } from '../platform/types';
import { canvasSvg, svgToPng } from './exportImage';
import { exportName } from './names';

// File › Export PNG / SVG: a picture of the whole graph, saved through a dialog on the desktop
// or downloaded in the browser.

export function createExportFlows(document: DocumentStore, notices: Pick<Notices, 'notify'>, platform: Platform) {
  return {
    async exportPicture(kind: 'png' | 'svg'): Promise<void> {
      const svg = canvasSvg();
      if (!svg) {
        notices.notify('There is no canvas to export.', 'warning');
        return;
      }
      const fileName = exportName(document.getState().fileName, kind);
      try {
        const data = kind === 'svg' ? svg : await svgToPng(svg);
        const result = await platform.exportFile({ fileName, kind, data });
        if (result.status === 'saved') notices.notify(`Exported “${fileName}”`, 'info');
        else if (result.status === 'error') notices.notify(`Couldn’t export “${fileName}”: ${result.message}`, 'error');
      } catch (error) {
        notices.notify(`Couldn’t export “${fileName}”: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    },
  };
}

export type ExportFlows = ReturnType<typeof createExportFlows>;
