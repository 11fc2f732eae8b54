import { exportNotebook, exportNumpy, exportPytorch, graphSvg } from '../../../engine/export';
import type { GraphDoc } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { Platform } from '../platform/types';
import { svgToPng } from './exportImage';
import { displayName, exportName } from './names';

// File › Export: a picture of the whole graph (PNG, SVG: real SVG shapes and text, drawn by the
// engine's export/svg.ts as the command line's `render` draws it, with the decision map and the
// points beside it when the graph has one), or the network as code that trains
// it elsewhere with the same weights (a PyTorch or NumPy script, a Jupyter notebook: the same
// programs as the command line's `export`), saved through a dialog on the desktop or downloaded
// in the browser.

export type CodeExport = 'pytorch' | 'numpy' | 'notebook';

const CODE: Record<CodeExport, { what: string; suffix: string; kind: 'py' | 'ipynb'; write: (doc: GraphDoc) => string }> = {
  pytorch: { what: 'PyTorch script', suffix: '-pytorch.py', kind: 'py', write: exportPytorch },
  numpy: { what: 'NumPy script', suffix: '-numpy.py', kind: 'py', write: exportNumpy },
  notebook: { what: 'Jupyter notebook', suffix: '.ipynb', kind: 'ipynb', write: exportNotebook },
};

/** `Tutorial 2-5-1-pytorch.py` for the document called `Tutorial 2-5-1.bpgraph.json` */
export function codeFileName(fileName: string, to: CodeExport): string {
  return `${displayName(fileName)}${CODE[to].suffix}`;
}

/** the document as standalone SVG: with its decision map when it has one, else the graph alone */
export function pictureSvg(doc: GraphDoc): string {
  try {
    return graphSvg(doc, { map: true });
  } catch (error) {
    if (error instanceof RangeError) return graphSvg(doc); // no map for this graph (not on the plane)
    throw error;
  }
}

export function createExportFlows(document: DocumentStore, notices: Pick<Notices, 'notify'>, platform: Platform) {
  const save = async (fileName: string, kind: 'png' | 'svg' | 'py' | 'ipynb', data: () => Promise<string | Blob> | string | Blob) => {
    try {
      const result = await platform.exportFile({ fileName, kind, data: await data() });
      if (result.status === 'saved') notices.notify(`Exported “${fileName}”`, 'info');
      else if (result.status === 'error') notices.notify(`Couldn’t export “${fileName}”: ${result.message}`, 'error');
    } catch (error) {
      notices.notify(`Couldn’t export “${fileName}”: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };
  return {
    async exportPicture(kind: 'png' | 'svg'): Promise<void> {
      const { doc, fileName } = document.getState();
      await save(exportName(fileName, kind), kind, () => {
        const svg = pictureSvg(doc);
        return kind === 'svg' ? svg : svgToPng(svg);
      });
    },
    /** the network as a program that trains it elsewhere, from the document's weights, data and settings */
    async exportCode(to: CodeExport): Promise<void> {
      const { doc, fileName } = document.getState();
      await save(codeFileName(fileName, to), CODE[to].kind, () => CODE[to].write(doc));
    },
  };
}

export type ExportFlows = ReturnType<typeof createExportFlows>;
